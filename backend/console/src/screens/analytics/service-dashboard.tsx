import { Card, Col, Row, Space } from 'antd';
import { useMemo } from 'react';
import type { AnalyticsReport } from '../../api/analytics-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { AgentsTable } from './agents-table.tsx';
import { FigureGrid } from './figure-grid.tsx';
import { LazyChart } from './lazy-chart.tsx';
import { useFigureCards } from './use-figure-cards.tsx';

/** The human side: waits, response and handle times, satisfaction, load by hour and per agent. */
export function ServiceDashboard({ report }: { report: AnalyticsReport }) {
  const { t } = useLanguage();
  const { csat, agents, volume } = report;
  const cards = useFigureCards(report);
  const hourly = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: volume.hourly.map((h) => `${String(h.hour).padStart(2, '0')}:00`) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t('analytics.conversations'), data: volume.hourly.map((h) => h.conversations) },
        { type: 'line', name: t('analytics.messages'), yAxisIndex: 1, data: volume.hourly.map((h) => h.messages) },
      ],
    }),
    [volume, t],
  );
  const ratings = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('analytics.ratings'), data: csat.distribution }],
    }),
    [csat, t],
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <FigureGrid>
        {cards([
          'firstResponse',
          'response',
          'handle',
          'queueWait',
          'maxQueueWait',
          'occupancy',
          'csat',
          'csatAverage',
        ])}
      </FigureGrid>
      <Card size="small" title={t('analytics.hourly')}>
        <LazyChart option={hourly} testId="chart-hourly" />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('analytics.ratings')}>
            <LazyChart option={ratings} testId="chart-ratings" />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('analytics.occupancy')}>
            <AgentsTable agents={agents.agents} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
