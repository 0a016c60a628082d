import { CreateConversations1795770100000 } from './1795770100000-create-conversations.ts';

/** The conversations module's migrations in the order they apply. */
export const conversationsMigrations = [CreateConversations1795770100000];
