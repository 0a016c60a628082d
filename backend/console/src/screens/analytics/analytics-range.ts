import dayjs, { type Dayjs } from 'dayjs';
import type { AnalyticsFilter } from '../../api/analytics-types.ts';

/** What the filter bar holds: whole days, both ends shown inclusive, in the browser's time zone. */
export interface DashboardFilter {
  firstDay: Dayjs;
  lastDay: Dayjs;
  channel?: 'web' | 'api';
  groupId?: string;
}

const DEFAULT_DAYS = 30;

/**
 * The last 30 days up to today, unless the address names days (`?from=2026-10-01&to=2026-10-31`, both inclusive):
 * a link to a dashboard shows the same range to whoever opens it.
 */
export function initialFilter(search: string): DashboardFilter {
  const params = new URLSearchParams(search);
  const day = (name: string) => {
    const value = params.get(name);
    const parsed = value ? dayjs(value, 'YYYY-MM-DD') : undefined;
    return parsed?.isValid() ? parsed.startOf('day') : undefined;
  };
  const lastDay = day('to') ?? dayjs().startOf('day');
  const firstDay = day('from') ?? lastDay.subtract(DEFAULT_DAYS - 1, 'day');
  return { firstDay, lastDay };
}

export function apiFilter(filter: DashboardFilter): AnalyticsFilter {
  return {
    from: filter.firstDay.startOf('day').toISOString(),
    to: filter.lastDay.add(1, 'day').startOf('day').toISOString(),
    channel: filter.channel,
    groupId: filter.groupId,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
