import { useState } from 'react';
import type { ConversationNote } from '../../api/kefu-api.ts';
import { useStaff } from '../../shell/staff-context.tsx';
import { usePolling } from '../../shell/use-polling.ts';

/** The conversation's internal notes, asked again every 3 s (a colleague or a supervisor may add one). */
export function useNotes(conversationId: string): { notes: ConversationNote[]; add(note: ConversationNote): void } {
  const { api } = useStaff();
  const [notes, setNotes] = useState<ConversationNote[]>([]);
  usePolling(async () => setNotes(await api.notes(conversationId)), 3_000, conversationId);
  return {
    notes,
    add: (note) => setNotes((current) => (current.some((each) => each.id === note.id) ? current : [...current, note])),
  };
}
