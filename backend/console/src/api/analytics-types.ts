import type { AnalyticsFilter as ReportFilter } from '../../../src/modules/analytics/analytics-filter.ts';
import type { Wire } from './wire.ts';

/** GET /api/v1/analytics/report: every figure of one filter (docs/analytics.md defines each). */
export type AnalyticsFilter = Wire<ReportFilter>;

export interface RankedItem {
  id: string;
  question: string | null;
  count: number;
}

export interface AgentFigures {
  agentId: string;
  displayName: string | null;
  conversations: number;
  /** Handle time inside the range. */
  servedSeconds: number;
  /** Time online or busy inside the range. */
  availableSeconds: number;
  /** Capacity × time available. */
  seatSeconds: number;
  /** servedSeconds / seatSeconds; null when the agent had no seat time. */
  occupancy: number | null;
}

/** Rates are fractions (0–1) and times seconds; null where nothing counts. */
export interface AnalyticsReport {
  filter: AnalyticsFilter;
  conversations: {
    total: number;
    engaged: number;
    botResolved: number;
    handedOff: number;
    botTurns: number;
    unanswered: number;
    botResolutionRate: number | null;
    handoffRate: number | null;
    unansweredRate: number | null;
  };
  faq: { hits: RankedItem[]; misses: RankedItem[] };
  csat: { ratings: number; average: number | null; satisfiedRate: number | null; distribution: number[] };
  service: {
    firstResponseSeconds: number | null;
    firstResponses: number;
    responseSeconds: number | null;
    responses: number;
    queueWaitSeconds: number | null;
    maxQueueWaitSeconds: number | null;
    servedFromQueue: number;
    handleSeconds: number | null;
    handled: number;
  };
  agents: { occupancy: number | null; agents: AgentFigures[] };
  volume: {
    hourly: Array<{ hour: number; conversations: number; messages: number }>;
    daily: Array<{ day: string; conversations: number }>;
  };
}

export type AnalyticsExportFormat = 'csv' | 'xlsx';

export function analyticsQuery(filter: AnalyticsFilter): URLSearchParams {
  const query = new URLSearchParams({ from: filter.from, to: filter.to, timeZone: filter.timeZone });
  if (filter.channel) query.set('channel', filter.channel);
  if (filter.groupId) query.set('groupId', filter.groupId);
  return query;
}
