import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, Permission, permissionsOf } from '../../common/access/index.ts';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { RequestValidationError, type Violation } from '../../common/errors/request-validation.error.ts';
import { AgentConversations, type Transcript, TranscriptReads } from '../conversations/index.ts';
import { type StoredTicket, type TicketFilter, TicketRepository } from './ticket.repository.ts';
import type { FieldValue, Ticket, TicketComment, TicketEvent, TicketPriority, TicketStatus } from './ticket.ts';
import { TicketCipher } from './ticket-cipher.ts';
import { TicketFieldRepository } from './ticket-field.repository.ts';
import { fieldViolations } from './ticket-field.ts';
import { dueAt, type SlaMinutes } from './ticket-sla.ts';
import { assertTransition } from './ticket-workflow.ts';
import {
  TicketNotFoundError,
  TicketTranscriptForbiddenError,
  TicketWithoutConversationError,
} from './tickets.errors.ts';

export interface NewTicketRequest {
  subject: string;
  description: string;
  priority: TicketPriority;
  conversationId?: string;
  assigneeId?: string;
  fields?: Record<string, FieldValue>;
}

export interface TicketEdit {
  subject?: string;
  priority?: TicketPriority;
  /** Merged into the ticket's values; `null` removes a value. */
  fields?: Record<string, FieldValue | null>;
}

/**
 * Tickets (工单). Every change locks the ticket, checks it (workflow, field definitions), writes it and its history
 * rows in one transaction, so the history is complete by construction.
 */
@Injectable()
export class Tickets {
  private readonly slaMinutes: SlaMinutes;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketRepository,
    private readonly fieldDefinitions: TicketFieldRepository,
    private readonly cipher: TicketCipher,
    private readonly conversations: AgentConversations,
    private readonly transcripts: TranscriptReads,
    config: KefuConfig,
  ) {
    this.slaMinutes = config.tickets.slaMinutes;
  }

  async create(actor: Actor, request: NewTicketRequest): Promise<Ticket> {
    // A ticket about a conversation is filed by someone who may read that conversation.
    if (request.conversationId) await this.conversations.readable(actor, request.conversationId);
    const id = await this.dataSource.transaction(async (manager) => {
      const fields = request.fields ?? {};
      assertNoViolations(fieldViolations(await this.fieldDefinitions.all(manager), fields, true));
      return this.insert(manager, actor.id, {
        ...request,
        fields,
        source: request.conversationId ? 'conversation' : 'manual',
      });
    });
    return this.get(id);
  }

  /** A leave-a-message ticket for a conversation nobody could take, inside routing's transaction. */
  async createForOverflow(
    manager: EntityManager,
    conversationId: string,
    reason: string,
  ): Promise<{ id: string; number: number }> {
    const id = await this.insert(manager, 'system:routing', {
      subject: `Leave-a-message: conversation ${conversationId.slice(0, 8)}`,
      description: `The customer asked for an agent and nobody could take the conversation (${reason}). Read the conversation and contact the customer.`,
      priority: 'normal',
      conversationId,
      fields: {},
      source: 'overflow',
    });
    const stored = (await this.tickets.byId(id, manager)) as StoredTicket;
    return { id, number: stored.number };
  }

  async get(id: string): Promise<Ticket> {
    const stored = await this.tickets.byId(id);
    if (!stored) throw new TicketNotFoundError(id);
    return this.open(stored);
  }

  async list(filter: TicketFilter): Promise<Ticket[]> {
    return Promise.all((await this.tickets.list(filter)).map((stored) => this.open(stored)));
  }

  /** Unresolved tickets already past due or due within `withinMinutes`. */
  async slaWarnings(withinMinutes: number, limit: number): Promise<Ticket[]> {
    const horizon = new Date(Date.now() + withinMinutes * 60_000);
    return Promise.all((await this.tickets.dueBefore(horizon, limit)).map((stored) => this.open(stored)));
  }

  async edit(actor: Actor, id: string, edit: TicketEdit): Promise<Ticket> {
    return this.change(actor, id, async (ticket, manager) => {
      const events = [];
      if (edit.subject !== undefined && edit.subject !== ticket.subject) {
        events.push({ change: 'subject' as const, before: ticket.subject, after: edit.subject });
        ticket.subject = edit.subject;
      }
      if (edit.priority !== undefined && edit.priority !== ticket.priority) {
        events.push({ change: 'priority' as const, before: ticket.priority, after: edit.priority });
        ticket.priority = edit.priority;
        ticket.dueAt = dueAt(ticket.createdAt, edit.priority, this.slaMinutes);
      }
      if (edit.fields) {
        const merged: Record<string, FieldValue> = { ...ticket.fields };
        for (const [key, value] of Object.entries(edit.fields)) {
          if (value === null) delete merged[key];
          else merged[key] = value;
        }
        const definitions = await this.fieldDefinitions.all(manager);
        const set = Object.fromEntries(Object.entries(edit.fields).filter(([, value]) => value !== null));
        // New values must fit their definitions; removing a value must not leave a required field empty.
        assertNoViolations([
          ...fieldViolations(definitions, set, false),
          ...fieldViolations(definitions, merged, true).filter((violation) => violation.rule === 'required'),
        ]);
        events.push({ change: 'fields' as const, before: ticket.fields, after: merged });
        ticket.fields = merged;
      }
      return events;
    });
  }

  async transition(actor: Actor, id: string, status: TicketStatus): Promise<Ticket> {
    return this.change(actor, id, async (ticket) => {
      assertTransition(ticket.status, status);
      const before = ticket.status;
      ticket.status = status;
      if (status === 'resolved') ticket.resolvedAt = new Date();
      if (status === 'open') ticket.resolvedAt = null;
      if (status === 'closed') ticket.closedAt = new Date();
      return [{ change: 'status' as const, before, after: status }];
    });
  }

  async assign(actor: Actor, id: string, assigneeId: string | null): Promise<Ticket> {
    return this.change(actor, id, async (ticket) => {
      if (ticket.assigneeId === assigneeId) return [];
      const before = ticket.assigneeId;
      ticket.assigneeId = assigneeId;
      return [{ change: 'assignee' as const, before, after: assigneeId }];
    });
  }

  async comment(actor: Actor, id: string, body: string): Promise<TicketComment> {
    const comment = { id: randomUUID(), authorId: actor.id, body, createdAt: new Date() };
    await this.change(actor, id, async (ticket, manager) => {
      await this.tickets.insertComment(manager, {
        ...comment,
        ticketId: ticket.id,
        body: await this.cipher.seal('ticket_comments.body', comment.id, body),
      });
      return [{ change: 'comment' as const, before: undefined, after: { commentId: comment.id } }];
    });
    return comment;
  }

  async comments(id: string): Promise<TicketComment[]> {
    await this.get(id);
    const stored = await this.tickets.comments(id);
    return Promise.all(
      stored.map(async (comment) => ({
        ...comment,
        body: await this.cipher.open('ticket_comments.body', comment.id, comment.body),
      })),
    );
  }

  async history(id: string): Promise<TicketEvent[]> {
    await this.get(id);
    return this.tickets.history(id);
  }

  /** The conversation behind the ticket, for its assignee, its author or a supervisor; the reading is audited. */
  async transcript(actor: Actor, id: string, page: { afterSeq: number; limit: number }): Promise<Transcript> {
    const ticket = await this.get(id);
    const supervisor = permissionsOf(actor.roles).has(Permission.ConversationsSupervise);
    if (!(supervisor || [ticket.assigneeId, ticket.createdBy].includes(actor.id))) {
      throw new TicketTranscriptForbiddenError(id);
    }
    if (!ticket.conversationId) throw new TicketWithoutConversationError(id);
    return this.transcripts.read(actor, ticket.conversationId, page, 'ticket', { ticketId: id });
  }

  private async insert(
    manager: EntityManager,
    createdBy: string,
    request: NewTicketRequest & { fields: Record<string, FieldValue>; source: StoredTicket['source'] },
  ): Promise<string> {
    const id = randomUUID();
    const createdAt = new Date();
    await this.tickets.insert(manager, {
      id,
      subject: request.subject,
      description: await this.cipher.seal('tickets.description', id, request.description),
      priority: request.priority,
      status: 'new',
      source: request.source,
      conversationId: request.conversationId ?? null,
      assigneeId: request.assigneeId ?? null,
      fields: request.fields,
      createdBy,
      createdAt,
      dueAt: dueAt(createdAt, request.priority, this.slaMinutes),
    });
    await this.tickets.recordEvents(manager, id, createdBy, [
      {
        change: 'created',
        before: undefined,
        after: { status: 'new', priority: request.priority, source: request.source },
      },
    ]);
    return id;
  }

  private async change(
    actor: Actor,
    id: string,
    apply: (
      ticket: StoredTicket,
      manager: EntityManager,
    ) => Promise<Array<{ change: TicketEvent['change']; before: unknown; after: unknown }>>,
  ): Promise<Ticket> {
    await this.dataSource.transaction(async (manager) => {
      const ticket = await this.tickets.byId(id, manager, true);
      if (!ticket) throw new TicketNotFoundError(id);
      const events = await apply(ticket, manager);
      if (events.length === 0) return;
      await this.tickets.update(manager, ticket);
      await this.tickets.recordEvents(manager, id, actor.id, events);
    });
    return this.get(id);
  }

  private async open(stored: StoredTicket): Promise<Ticket> {
    return { ...stored, description: await this.cipher.open('tickets.description', stored.id, stored.description) };
  }
}

function assertNoViolations(violations: Violation[]): void {
  if (violations.length > 0) throw new RequestValidationError(violations);
}
