import { useEffect, useState } from 'react';
import type { AnalyticsFilter, AnalyticsReport } from '../../api/analytics-types.ts';
import { useStaff } from '../../shell/staff-context.tsx';

/** The report of the filter, fetched again whenever it changes; an answer to an older filter is dropped. */
export function useAnalyticsReport(filter: AnalyticsFilter): {
  report?: AnalyticsReport;
  loading: boolean;
  error?: string;
} {
  const { api } = useStaff();
  const [state, setState] = useState<{ report?: AnalyticsReport; loading: boolean; error?: string }>({
    loading: true,
  });
  const key = JSON.stringify(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filter's content
  useEffect(() => {
    let current = true;
    setState((previous) => ({ report: previous.report, loading: true }));
    api.analyticsReport(filter).then(
      (report) => current && setState({ report, loading: false }),
      (failure: Error) => current && setState({ loading: false, error: failure.message }),
    );
    return () => {
      current = false;
    };
  }, [api, key]);
  return state;
}
