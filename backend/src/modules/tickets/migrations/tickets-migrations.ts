import { CreateTickets1795773000000 } from './1795773000000-create-tickets.ts';

/** The tickets module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const ticketsMigrations = [CreateTickets1795773000000];
