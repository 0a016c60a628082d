import { CreateConversationRatings1795794100000 } from './1795794100000-create-conversation-ratings.ts';

/** The analytics module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const analyticsMigrations = [CreateConversationRatings1795794100000];
