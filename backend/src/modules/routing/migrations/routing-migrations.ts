import { CreateRouting1795773100000 } from './1795773100000-create-routing.ts';

/** The routing module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const routingMigrations = [CreateRouting1795773100000];
