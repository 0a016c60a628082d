import type { AnalyticsFilter as ReportFilter } from '../../../src/modules/analytics/analytics-filter.ts';
import type { AnalyticsReport as Report } from '../../../src/modules/analytics/analytics-report.ts';
import type { Wire } from './wire.ts';

export type AnalyticsFilter = Wire<ReportFilter>;

/** GET /api/v1/analytics/report: every figure of one filter (docs/analytics.md defines each). */
export type AnalyticsReport = Wire<Report>;
export type { AgentFigures, RankedItem } from '../../../src/modules/analytics/analytics-report.ts';

export type AnalyticsExportFormat = 'csv' | 'xlsx';

export function analyticsQuery(filter: AnalyticsFilter): URLSearchParams {
  const query = new URLSearchParams({ from: filter.from, to: filter.to, timeZone: filter.timeZone });
  if (filter.channel) query.set('channel', filter.channel);
  if (filter.groupId) query.set('groupId', filter.groupId);
  return query;
}
