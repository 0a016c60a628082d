import { CreateConversations1795770100000 } from './1795770100000-create-conversations.ts';
import { AddAgentParticipation1795772900000 } from './1795772900000-add-agent-participation.ts';
import { CreateConversationNotes1795792000000 } from './1795792000000-create-conversation-notes.ts';
import { CreateCannedReplies1795792100000 } from './1795792100000-create-canned-replies.ts';
import { AddAnalyticsFacts1795794000000 } from './1795794000000-add-analytics-facts.ts';
import { AddIdleClose1795795100000 } from './1795795100000-add-idle-close.ts';
import { AddNoteClientIds1795795300000 } from './1795795300000-add-note-client-ids.ts';

/** The conversations module's migrations in the order they apply. */
export const conversationsMigrations = [
  CreateConversations1795770100000,
  AddAgentParticipation1795772900000,
  CreateConversationNotes1795792000000,
  CreateCannedReplies1795792100000,
  AddAnalyticsFacts1795794000000,
  AddIdleClose1795795100000,
  AddNoteClientIds1795795300000,
];
