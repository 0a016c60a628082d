import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { type TicketStatus, ticketStatuses } from '../ticket.ts';

export class TicketStatusRequest {
  @ApiProperty({ enum: ticketStatuses, description: 'new → open → pending → resolved → closed (docs/tickets.md)' })
  @IsIn(ticketStatuses)
  status!: TicketStatus;
}
