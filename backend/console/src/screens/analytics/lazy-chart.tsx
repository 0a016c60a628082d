import { Skeleton } from 'antd';
import { type ComponentProps, lazy, Suspense } from 'react';

const loadChart = () => import('./analytics-chart.tsx');
const AnalyticsChart = lazy(loadChart);

/** Starts fetching ECharts while the report is still being computed, rather than after it arrives. */
export function preloadCharts(): void {
  void loadChart();
}

/** A chart whose ECharts code loads on first use, with a placeholder of the same height meanwhile. */
export function LazyChart(props: ComponentProps<typeof AnalyticsChart>) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ height: props.height ?? 300, width: '100%' }} />}>
      <AnalyticsChart {...props} />
    </Suspense>
  );
}
