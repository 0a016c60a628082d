import { ApiProperty } from '@nestjs/swagger';
import type { AnalyticsReport } from '../analytics-report.ts';

/**
 * The report as JSON: every figure is a count, a fraction (0–1) or seconds; null where nothing counts. The report
 * holds no personal data (ids of staff and knowledge items only), so it goes out as it is, dates as ISO strings.
 */
export class AnalyticsReportResponse {
  @ApiProperty({
    example: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'Asia/Shanghai' },
  })
  filter!: { from: string; to: string; channel?: string; groupId?: string; timeZone: string };
  @ApiProperty({ description: 'total, engaged, botResolved, handedOff, botTurns, unanswered and the three rates' })
  conversations!: AnalyticsReport['conversations'];
  @ApiProperty({ description: 'Top 10 answered items (hits) and closest labels of unanswered questions (misses)' })
  faq!: AnalyticsReport['faq'];
  @ApiProperty({ description: 'ratings, average (1–5), satisfiedRate (4 or 5), distribution of 1..5' })
  csat!: AnalyticsReport['csat'];
  @ApiProperty({ description: 'Averages in seconds, each with the count it averages' })
  service!: AnalyticsReport['service'];
  @ApiProperty({ description: 'Occupancy overall and per agent' })
  agents!: AnalyticsReport['agents'];
  @ApiProperty({ description: 'hourly: 24 buckets of conversations and messages; daily: conversations per day' })
  volume!: AnalyticsReport['volume'];

  static of(report: AnalyticsReport): AnalyticsReportResponse {
    const { filter } = report;
    return {
      ...report,
      filter: { ...filter, from: filter.from.toISOString(), to: filter.to.toISOString() },
    };
  }
}
