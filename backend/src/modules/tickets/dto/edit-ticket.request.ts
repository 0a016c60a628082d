import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsString, Length, Matches } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { type FieldValue, type TicketPriority, ticketPriorities } from '../ticket.ts';

export class EditTicketRequest {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'subject must not be blank' })
  subject?: string;

  @ApiPropertyOptional({ enum: ticketPriorities, description: 'Moves the SLA deadline (still counted from creation)' })
  @OptionalNotNull()
  @IsIn(ticketPriorities)
  priority?: TicketPriority;

  @ApiPropertyOptional({ description: 'Values merged into the ticket; null removes one' })
  @OptionalNotNull()
  @IsObject()
  fields?: Record<string, FieldValue | null>;
}
