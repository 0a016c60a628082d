import type { TicketPriority, TicketStatus } from './ticket.ts';

export type SlaMinutes = Readonly<Record<TicketPriority, number>>;

export interface SlaState {
  dueAt: Date;
  /** Past due and not yet resolved, or resolved after it was due. */
  breached: boolean;
  /** Negative once breached; null when the clock has stopped (resolved or closed). */
  minutesLeft: number | null;
}

/** The resolution deadline runs from creation; a change of priority moves it, the time already spent still counts. */
export function dueAt(createdAt: Date, priority: TicketPriority, minutes: SlaMinutes): Date {
  return new Date(createdAt.getTime() + minutes[priority] * 60_000);
}

export function slaState(ticket: { dueAt: Date; status: TicketStatus; resolvedAt: Date | null }, now: Date): SlaState {
  const stopped = ticket.status === 'resolved' || ticket.status === 'closed';
  const end = stopped ? (ticket.resolvedAt ?? now) : now;
  return {
    dueAt: ticket.dueAt,
    breached: end.getTime() > ticket.dueAt.getTime(),
    minutesLeft: stopped ? null : Math.floor((ticket.dueAt.getTime() - now.getTime()) / 60_000),
  };
}
