import { useCallback, useRef, useState } from 'react';
import type { ChatMessage, ConversationSummary } from '../../api/kefu-api.ts';
import { useStaff } from '../../shell/staff-context.tsx';
import { usePolling } from '../../shell/use-polling.ts';

const INTERVAL_MS = 1_500;

/** A conversation's transcript, kept current by asking for what follows the last seq every 1.5 s. */
export function useTranscript(conversationId: string): {
  conversation?: ConversationSummary;
  messages: ChatMessage[];
  append(message: ChatMessage): void;
} {
  const { api } = useStaff();
  const [conversation, setConversation] = useState<ConversationSummary>();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const known = useRef<ChatMessage[]>([]);
  const merge = useCallback((arrived: readonly ChatMessage[]) => {
    const seen = new Set(known.current.map((message) => message.seq));
    const fresh = arrived.filter((message) => !seen.has(message.seq));
    if (fresh.length === 0) return;
    known.current = [...known.current, ...fresh].sort((a, b) => a.seq - b.seq);
    setMessages(known.current);
  }, []);
  usePolling(
    async () => {
      const page = await api.transcript(conversationId, known.current.at(-1)?.seq ?? 0);
      setConversation(page.conversation);
      merge(page.messages);
    },
    INTERVAL_MS,
    conversationId,
  );
  return { conversation, messages, append: (message) => merge([message]) };
}
