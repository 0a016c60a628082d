import { Alert, Card, Space, Spin, Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Permission } from '../../../src/common/access/permission.ts';
import { fillIn } from '../i18n/fill-in.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { useStaff } from '../shell/staff-context.tsx';
import { AnalyticsFilters } from './analytics/analytics-filters.tsx';
import { apiFilter, initialFilter } from './analytics/analytics-range.ts';
import { BotDashboard } from './analytics/bot-dashboard.tsx';
import { ExportButtons } from './analytics/export-buttons.tsx';
import { preloadCharts } from './analytics/lazy-chart.tsx';
import { OverviewDashboard } from './analytics/overview-dashboard.tsx';
import { ServiceDashboard } from './analytics/service-dashboard.tsx';
import { useAnalyticsReport } from './analytics/use-analytics-report.ts';

const dashboards = ['overview', 'bot', 'service'] as const;
type Dashboard = (typeof dashboards)[number];

/**
 * The supervisor's analytics (docs/analytics.md defines every figure): one filter bar over three dashboards, each
 * computed by the API from the raw conversations of the range. `?tab=` opens a dashboard directly.
 */
export default function AnalyticsScreen() {
  const { t } = useLanguage();
  const { staff } = useStaff();
  const [filter, setFilter] = useState(() => initialFilter(window.location.search));
  const [tab, setTab] = useState<Dashboard>(() => {
    const wanted = new URLSearchParams(window.location.search).get('tab');
    return dashboards.find((name) => name === wanted) ?? 'overview';
  });
  const query = useMemo(() => apiFilter(filter), [filter]);
  useEffect(preloadCharts, []);
  const { report, loading, error } = useAnalyticsReport(query);
  const views = { overview: OverviewDashboard, bot: BotDashboard, service: ServiceDashboard };
  return (
    <Card
      title={t('nav.analytics')}
      extra={staff.permissions.includes(Permission.AnalyticsExport) && <ExportButtons filter={query} />}
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <AnalyticsFilters filter={filter} onChange={setFilter} />
        {error && <Alert type="error" showIcon message={fillIn(t('analytics.loadFailed'), { reason: error })} />}
        <Spin spinning={loading}>
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as Dashboard)}
            destroyInactiveTabPane
            items={dashboards.map((name) => {
              const View = views[name];
              return {
                key: name,
                label: t(`analytics.tab.${name}`),
                children: report ? <View report={report} /> : <div style={{ minHeight: 300 }} />,
              };
            })}
          />
        </Spin>
      </Space>
    </Card>
  );
}
