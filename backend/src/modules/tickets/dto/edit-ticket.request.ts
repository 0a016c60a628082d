import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { type FieldValue, type TicketPriority, ticketPriorities } from '../ticket.ts';

export class EditTicketRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'subject must not be blank' })
  subject?: string;

  @ApiPropertyOptional({ enum: ticketPriorities, description: 'Moves the SLA deadline (still counted from creation)' })
  @IsOptional()
  @IsIn(ticketPriorities)
  priority?: TicketPriority;

  @ApiPropertyOptional({ description: 'Values merged into the ticket; null removes one' })
  @IsOptional()
  @IsObject()
  fields?: Record<string, FieldValue | null>;
}
