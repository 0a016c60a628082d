import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { PageLimit } from '../../../common/validation/page-limit.ts';
import { type TicketStatus, ticketStatuses } from '../ticket.ts';

export class ListTicketsQuery {
  @ApiPropertyOptional({ enum: ticketStatuses })
  @OptionalNotNull()
  @IsIn(ticketStatuses)
  status?: TicketStatus;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  assigneeId?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsUUID()
  conversationId?: string;

  @PageLimit({ default: 100, maximum: 500 })
  limit = 100;
}

export class SlaWarningsQuery {
  @ApiPropertyOptional({ default: 60, description: 'Also list tickets due within this many minutes' })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  withinMinutes = 60;

  @PageLimit({ default: 100, maximum: 500 })
  limit = 100;
}
