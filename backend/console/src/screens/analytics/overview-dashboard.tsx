import { Card, Space } from 'antd';
import { useMemo } from 'react';
import type { AnalyticsReport } from '../../api/analytics-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { FigureGrid } from './figure-grid.tsx';
import { LazyChart } from './lazy-chart.tsx';
import { useFigureCards } from './use-figure-cards.tsx';

/** The headline figures of the range and conversations per day. */
export function OverviewDashboard({ report }: { report: AnalyticsReport }) {
  const { t } = useLanguage();
  const cards = useFigureCards(report);
  const daily = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: report.volume.daily.map((day) => day.day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'line', name: t('analytics.conversations'), data: report.volume.daily.map((d) => d.conversations) },
      ],
    }),
    [report, t],
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <FigureGrid>
        {cards([
          'conversations',
          'botResolution',
          'handoff',
          'csat',
          'firstResponse',
          'response',
          'queueWait',
          'occupancy',
        ])}
      </FigureGrid>
      <Card size="small" title={t('analytics.daily')}>
        <LazyChart option={daily} testId="chart-daily" />
      </Card>
    </Space>
  );
}
