import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { PageLimit } from '../../../common/validation/page-limit.ts';
import { type TicketStatus, ticketStatuses } from '../ticket.ts';

export class ListTicketsQuery {
  @ApiPropertyOptional({ enum: ticketStatuses })
  @IsOptional()
  @IsIn(ticketStatuses)
  status?: TicketStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  assigneeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  conversationId?: string;

  @PageLimit({ default: 100, maximum: 500 })
  limit = 100;
}

export class SlaWarningsQuery {
  @ApiPropertyOptional({ default: 60, description: 'Also list tickets due within this many minutes' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  withinMinutes = 60;

  @PageLimit({ default: 100, maximum: 500 })
  limit = 100;
}
