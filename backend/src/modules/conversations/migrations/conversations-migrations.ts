import { CreateConversations1795770100000 } from './1795770100000-create-conversations.ts';
import { AddAgentParticipation1795772900000 } from './1795772900000-add-agent-participation.ts';

/** The conversations module's migrations in the order they apply. */
export const conversationsMigrations = [CreateConversations1795770100000, AddAgentParticipation1795772900000];
