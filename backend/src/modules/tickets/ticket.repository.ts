import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Ticket, TicketChange, TicketEvent, TicketStatus } from './ticket.ts';

/** A ticket row as stored: description still a ciphertext. */
export type StoredTicket = Omit<Ticket, 'description'> & { description: Buffer };

export type NewTicket = Omit<StoredTicket, 'number' | 'createdAt' | 'updatedAt' | 'resolvedAt' | 'closedAt'> & {
  createdAt: Date;
};

export interface TicketFilter {
  status?: TicketStatus;
  assigneeId?: string;
  conversationId?: string;
  limit: number;
}

const COLUMNS = `id, number::int AS number, subject, description, priority, status, source,
  conversation_id AS "conversationId", assignee_id AS "assigneeId", fields, created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt", due_at AS "dueAt", resolved_at AS "resolvedAt",
  closed_at AS "closedAt"`;

/** The only code that knows the SQL of tickets, their comments and their history. */
@Injectable()
export class TicketRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, ticket: NewTicket): Promise<StoredTicket> {
    const rows: StoredTicket[] = await manager.query(
      `INSERT INTO tickets (id, subject, description, priority, status, source, conversation_id, assignee_id, fields,
         created_by, created_at, updated_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING ${COLUMNS}`,
      [
        ticket.id,
        ticket.subject,
        ticket.description,
        ticket.priority,
        ticket.status,
        ticket.source,
        ticket.conversationId,
        ticket.assigneeId,
        JSON.stringify(ticket.fields),
        ticket.createdBy,
        ticket.createdAt,
        ticket.dueAt,
      ],
    );
    return rows[0];
  }

  async byId(id: string, manager?: EntityManager, forUpdate = false): Promise<StoredTicket | undefined> {
    const rows: StoredTicket[] = await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM tickets WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  async list(filter: TicketFilter): Promise<StoredTicket[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM tickets
       WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR assignee_id = $2)
         AND ($3::uuid IS NULL OR conversation_id = $3)
       ORDER BY created_at DESC, number DESC LIMIT $4`,
      [filter.status ?? null, filter.assigneeId ?? null, filter.conversationId ?? null, filter.limit],
    );
  }

  /** Unresolved tickets due before `horizon`, most urgent first: breached ones and those about to be. */
  async dueBefore(horizon: Date, limit: number): Promise<StoredTicket[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM tickets WHERE status NOT IN ('resolved', 'closed') AND due_at <= $1
       ORDER BY due_at LIMIT $2`,
      [horizon, limit],
    );
  }

  async update(manager: EntityManager, ticket: StoredTicket): Promise<void> {
    await manager.query(
      `UPDATE tickets SET subject = $2, priority = $3, status = $4, assignee_id = $5, fields = $6, due_at = $7,
         resolved_at = $8, closed_at = $9, updated_at = now() WHERE id = $1`,
      [
        ticket.id,
        ticket.subject,
        ticket.priority,
        ticket.status,
        ticket.assigneeId,
        JSON.stringify(ticket.fields),
        ticket.dueAt,
        ticket.resolvedAt,
        ticket.closedAt,
      ],
    );
  }

  async recordEvents(
    manager: EntityManager,
    ticketId: string,
    actorId: string,
    events: ReadonlyArray<{ change: TicketChange; before: unknown; after: unknown }>,
  ): Promise<void> {
    for (const event of events) {
      await manager.query(
        'INSERT INTO ticket_events (ticket_id, actor_id, change, before, after) VALUES ($1, $2, $3, $4, $5)',
        [
          ticketId,
          actorId,
          event.change,
          event.before === undefined ? null : JSON.stringify(event.before),
          event.after === undefined ? null : JSON.stringify(event.after),
        ],
      );
    }
  }

  async history(ticketId: string): Promise<TicketEvent[]> {
    return this.dataSource.query(
      `SELECT id::int AS id, actor_id AS "actorId", change, before, after, at FROM ticket_events
       WHERE ticket_id = $1 ORDER BY id`,
      [ticketId],
    );
  }

  async insertComment(
    manager: EntityManager,
    comment: { id: string; ticketId: string; authorId: string; body: Buffer; createdAt: Date },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO ticket_comments (id, ticket_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)',
      [comment.id, comment.ticketId, comment.authorId, comment.body, comment.createdAt],
    );
  }

  async comments(ticketId: string): Promise<Array<{ id: string; authorId: string; body: Buffer; createdAt: Date }>> {
    return this.dataSource.query(
      `SELECT id, author_id AS "authorId", body, created_at AS "createdAt" FROM ticket_comments
       WHERE ticket_id = $1 ORDER BY created_at, id`,
      [ticketId],
    );
  }
}
