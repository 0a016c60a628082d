import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';
import { SLUG } from '../../../common/errors/slug-param.pipe.ts';

/** The period and scorecard of a report, per agent or per team. */
export class QualityReportQuery {
  @ApiProperty({ example: 'standard' })
  @Matches(SLUG, { message: 'scorecardId must be the id of a scorecard' })
  scorecardId!: string;

  @ApiProperty({ description: 'Inclusive lower bound of the scoring time, ISO 8601', example: '2026-11-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ description: 'Exclusive upper bound, ISO 8601', example: '2026-12-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  to!: string;
}
