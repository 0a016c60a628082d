/** Which conversations a report covers: those started in [from, to), optionally on one channel or in one group. */
export interface AnalyticsFilter {
  from: Date;
  to: Date;
  channel?: 'web' | 'api';
  /** The skill group the conversation was routed to; conversations the bot kept to itself have none. */
  groupId?: string;
  /** IANA zone the hourly and daily buckets are counted in. */
  timeZone: string;
}
