import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsString, IsUUID, Length, Matches } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { type FieldValue, type TicketPriority, ticketPriorities } from '../ticket.ts';

export class CreateTicketRequest {
  @ApiProperty({
    example: '借记卡挂失后补卡进度',
    description: 'A title: keep personal data out of it (not encrypted)',
  })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'subject must not be blank' })
  subject!: string;

  @ApiProperty({ description: 'Stored encrypted' })
  @IsString()
  @Length(1, 10_000)
  description!: string;

  @ApiPropertyOptional({ enum: ticketPriorities, default: 'normal', description: 'Sets the SLA deadline' })
  @OptionalNotNull()
  @IsIn(ticketPriorities)
  priority: TicketPriority = 'normal';

  @ApiPropertyOptional({ description: 'The conversation this ticket follows up; you must be able to read it' })
  @OptionalNotNull()
  @IsUUID()
  conversationId?: string;

  @ApiPropertyOptional({ description: 'Staff subject id of the assignee' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'Custom field values by key, checked against GET /api/v1/tickets/fields' })
  @OptionalNotNull()
  @IsObject()
  fields?: Record<string, FieldValue>;
}
