export type TicketStatus = 'new' | 'open' | 'pending' | 'resolved' | 'closed';
export const ticketStatuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'resolved', 'closed'];

export type TicketPriority = 'urgent' | 'high' | 'normal' | 'low';
export const ticketPriorities: readonly TicketPriority[] = ['urgent', 'high', 'normal', 'low'];

/** By hand, from a conversation an agent served, or left by a customer nobody could take (routing overflow). */
export type TicketSource = 'manual' | 'conversation' | 'overflow';

export type FieldValue = string | number;

export interface Ticket {
  id: string;
  number: number;
  subject: string;
  description: string;
  priority: TicketPriority;
  status: TicketStatus;
  source: TicketSource;
  conversationId: string | null;
  assigneeId: string | null;
  fields: Record<string, FieldValue>;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  dueAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

export type TicketChange = 'created' | 'status' | 'priority' | 'subject' | 'assignee' | 'fields' | 'comment';

export interface TicketEvent {
  id: number;
  actorId: string;
  change: TicketChange;
  before: unknown;
  after: unknown;
  at: Date;
}

export interface TicketComment {
  id: string;
  authorId: string;
  body: string;
  createdAt: Date;
}
