import type { AnalyticsFilter } from './analytics-filter.ts';

export interface ConversationCounts {
  total: number;
  engaged: number;
  botResolved: number;
  handedOff: number;
  botTurns: number;
  unanswered: number;
}

export interface ServiceTimes {
  firstResponseSeconds: number | null;
  firstResponses: number;
  responseSeconds: number | null;
  responses: number;
  queueWaitSeconds: number | null;
  maxQueueWaitSeconds: number | null;
  servedFromQueue: number;
  handleSeconds: number | null;
  handled: number;
}

export interface AgentLoad {
  agentId: string;
  displayName: string | null;
  /** Conversations of the filter the agent spent time in during the range. */
  conversations: number;
  /** Handle time: the agent's time in those conversations, inside the range. */
  servedSeconds: number;
  /** Time the agent was online or busy, inside the range. */
  availableSeconds: number;
  /** Capacity × available time: each available stretch weighted by the capacity the agent had then. */
  seatSeconds: number;
}

export interface HourCount {
  hour: number;
  conversations: number;
  messages: number;
}

export interface DayCount {
  day: string;
  conversations: number;
}

/** One entry of a top list: a knowledge item (hits) or the label the bot found closest (misses). */
export interface RankedItem {
  id: string;
  /** The item's question in the current release; null when the item is gone or the label is not an item. */
  question: string | null;
  count: number;
}

export interface AgentFigures extends AgentLoad {
  /** servedSeconds / seatSeconds; null without seat time (never available in the range, or capacity 0 throughout). */
  occupancy: number | null;
}

/** Every figure of one filter; docs/analytics.md defines each. Rates are fractions (0–1), null when nothing counts. */
export interface AnalyticsReport {
  filter: AnalyticsFilter;
  conversations: ConversationCounts & {
    botResolutionRate: number | null;
    handoffRate: number | null;
    unansweredRate: number | null;
  };
  faq: { hits: RankedItem[]; misses: RankedItem[] };
  csat: {
    ratings: number;
    average: number | null;
    satisfiedRate: number | null;
    /** How many ratings of 1, 2, 3, 4 and 5. */
    distribution: number[];
  };
  service: ServiceTimes;
  agents: { occupancy: number | null; agents: AgentFigures[] };
  volume: { hourly: HourCount[]; daily: DayCount[] };
}

export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function csatOf(counts: ReadonlyArray<{ rating: number; count: number }>): AnalyticsReport['csat'] {
  const distribution = [1, 2, 3, 4, 5].map((value) => counts.find((row) => row.rating === value)?.count ?? 0);
  const ratings = distribution.reduce((sum, n) => sum + n, 0);
  const points = distribution.reduce((sum, n, index) => sum + n * (index + 1), 0);
  return {
    ratings,
    average: ratings > 0 ? points / ratings : null,
    satisfiedRate: rate(distribution[3] + distribution[4], ratings),
    distribution,
  };
}

/** Per agent and overall; the overall figure weighs each agent by seats and leaves out agents without seat time. */
export function agentFiguresOf(loads: readonly AgentLoad[]): AnalyticsReport['agents'] {
  const agents = loads.map((load) => ({ ...load, occupancy: rate(load.servedSeconds, load.seatSeconds) }));
  const seated = loads.filter((load) => load.seatSeconds > 0);
  return {
    occupancy: rate(
      seated.reduce((sum, load) => sum + load.servedSeconds, 0),
      seated.reduce((sum, load) => sum + load.seatSeconds, 0),
    ),
    agents,
  };
}
