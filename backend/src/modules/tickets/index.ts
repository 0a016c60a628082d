export { ticketsMigrations } from './migrations/tickets-migrations.ts';
export type { Ticket, TicketPriority, TicketStatus } from './ticket.ts';
export { TicketsModule } from './tickets.module.ts';
export { Tickets } from './tickets.service.ts';
