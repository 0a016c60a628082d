import { RequestValidationError } from '../../common/errors/request-validation.error.ts';
import type { TicketStatus } from './ticket.ts';

/**
 * new → open → pending → resolved → closed. A pending ticket goes back to open when the customer answers; a resolved
 * one reopens if the fix did not hold; a closed ticket is final (a new problem is a new ticket).
 */
export const allowedTransitions: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open'],
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['closed', 'open'],
  closed: [],
};

/** Refuses a transition the workflow does not allow, naming the field, the rule and the way forward. */
export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (allowedTransitions[from].includes(to)) return;
  const allowed = allowedTransitions[from];
  throw new RequestValidationError([
    {
      field: 'status',
      rule: 'ticketWorkflow',
      message: `a ${from} ticket cannot become ${to}; ${
        allowed.length > 0 ? `from ${from} it may go to ${allowed.join(' or ')}` : `${from} is final`
      }`,
    },
  ]);
}
