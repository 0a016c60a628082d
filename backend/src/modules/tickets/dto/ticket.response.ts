import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Ticket, TicketComment, TicketEvent } from '../ticket.ts';
import { slaState } from '../ticket-sla.ts';

class SlaResponse {
  @ApiProperty() dueAt!: string;
  @ApiProperty({ description: 'Past due while unresolved, or resolved late' }) breached!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Negative once breached; null once resolved' })
  minutesLeft!: number | null;
}

export class TicketResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'What people quote: #123' }) number!: number;
  @ApiProperty() subject!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['urgent', 'high', 'normal', 'low'] }) priority!: string;
  @ApiProperty({ enum: ['new', 'open', 'pending', 'resolved', 'closed'] }) status!: string;
  @ApiProperty({ enum: ['manual', 'conversation', 'overflow'] }) source!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) conversationId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty({ type: Object }) fields!: Record<string, string | number>;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: SlaResponse }) sla!: SlaResponse;

  static of(ticket: Ticket, now = new Date()): TicketResponse {
    const sla = slaState(ticket, now);
    return {
      id: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      description: ticket.description,
      priority: ticket.priority,
      status: ticket.status,
      source: ticket.source,
      conversationId: ticket.conversationId,
      assigneeId: ticket.assigneeId,
      fields: ticket.fields,
      createdBy: ticket.createdBy,
      createdAt: ticket.createdAt.toISOString(),
      updatedAt: ticket.updatedAt.toISOString(),
      sla: { dueAt: sla.dueAt.toISOString(), breached: sla.breached, minutesLeft: sla.minutesLeft },
    };
  }
}

export class TicketCommentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty() body!: string;
  @ApiProperty() createdAt!: string;

  static of(comment: TicketComment): TicketCommentResponse {
    return { ...comment, createdAt: comment.createdAt.toISOString() };
  }
}

export class TicketEventResponse {
  @ApiProperty() id!: number;
  @ApiProperty() actorId!: string;
  @ApiProperty({ enum: ['created', 'status', 'priority', 'subject', 'assignee', 'fields', 'comment'] }) change!: string;
  @ApiPropertyOptional({ description: 'The value before the change' }) before?: unknown;
  @ApiPropertyOptional({ description: 'The value after the change' }) after?: unknown;
  @ApiProperty() at!: string;

  static of(event: TicketEvent): TicketEventResponse {
    return { ...event, at: event.at.toISOString() };
  }
}
