import { CreateBotTables1795772000000 } from './1795772000000-create-bot-tables.ts';
import { SeedLostCardFlow1795772000001 } from './1795772000001-seed-lost-card-flow.ts';

/** The bot module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const botMigrations = [CreateBotTables1795772000000, SeedLostCardFlow1795772000001];
