import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsTimeZone, IsUUID } from 'class-validator';
import { RequestValidationError } from '../../../common/errors/request-validation.error.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import type { AnalyticsFilter } from '../analytics-filter.ts';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
/** A year and a day: a full year compared across a leap day, and a bound on what one request may scan. */
const MAX_DAYS = 366;

/** The filters of a report and its export: a range of start times, a channel, a skill group, a time zone. */
export class AnalyticsQuery {
  @ApiPropertyOptional({ description: 'Start of the range (inclusive); default: 30 days before `to`' })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'End of the range (exclusive); default: now' })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: ['web', 'api'], description: 'Default: both' })
  @OptionalNotNull()
  @IsIn(['web', 'api'])
  channel?: 'web' | 'api';

  @ApiPropertyOptional({ description: 'Only conversations routed to this skill group' })
  @OptionalNotNull()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ default: 'Asia/Shanghai', description: 'IANA zone of the hourly and daily buckets' })
  @OptionalNotNull()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], description: 'Export only; default: xlsx' })
  @OptionalNotNull()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}

export function filterOf(query: AnalyticsQuery, now = new Date()): AnalyticsFilter {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
  if (from >= to) {
    throw new RequestValidationError([{ field: 'from', rule: 'isBefore', message: 'from must be before to' }]);
  }
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) {
    throw new RequestValidationError([
      { field: 'to', rule: 'maxRange', message: `to must be at most ${MAX_DAYS} days after from` },
    ]);
  }
  return {
    from,
    to,
    channel: query.channel,
    groupId: query.groupId,
    timeZone: query.timeZone ?? 'Asia/Shanghai',
  };
}
