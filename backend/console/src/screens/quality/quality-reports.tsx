import { Alert, Card, Select, Space, Table } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { AgentReportRow, TeamReportRow } from '../../api/quality-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { FailureTags } from './failure-tags.tsx';
import { useAgentNames } from './use-agent-names.ts';
import { useLoaded } from './use-loaded.ts';

// ECharts is large and only reports draw charts here: it loads when a chart first shows.
const ReportChart = lazy(() => import('./report-chart.tsx'));

const periods = [7, 30, 90];
const DAY_MS = 86_400_000;

/** Per agent and per team (skill group) over the last days: conversations, mean total, failures per rule. */
export function QualityReports() {
  const { t } = useLanguage();
  const { api } = useStaff();
  const nameOf = useAgentNames();
  const [days, setDays] = useState(30);
  const [scorecardId, setScorecardId] = useState('standard');
  // Listing scorecards needs quality.configure; a reviewer without it reports on the seeded default scorecard.
  const scorecards = useLoaded(() => api.scorecards(), 'scorecards');
  const report = useLoaded(() => {
    const to = new Date();
    const period = { scorecardId, from: new Date(to.getTime() - days * DAY_MS).toISOString(), to: to.toISOString() };
    return Promise.all([api.qualityReport('agents', period), api.qualityReport('teams', period)]);
  }, `${scorecardId}/${days}`);
  const [agents, teams] = report.data ?? [undefined, undefined];
  const agentBars = useMemo(
    () => (agents ?? []).map((row) => ({ label: nameOf(row.agentId), value: row.averageTotal })),
    [agents, nameOf],
  );
  const teamBars = useMemo(
    () =>
      (teams ?? []).flatMap((row) => (row.averageTotal === null ? [] : [{ label: row.name, value: row.averageTotal }])),
    [teams],
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space>
        <Select
          aria-label={t('quality.scorecard')}
          value={scorecardId}
          onChange={setScorecardId}
          style={{ width: 200 }}
          options={(scorecards.data ?? [{ id: 'standard', name: 'standard' }]).map((card) => ({
            value: card.id,
            label: card.name,
          }))}
        />
        <Select
          aria-label={t('quality.period')}
          value={days}
          onChange={setDays}
          style={{ width: 160 }}
          options={periods.map((value) => ({ value, label: t(`quality.lastDays.${value}` as 'quality.lastDays.7') }))}
        />
      </Space>
      {report.failed && <Alert type="error" showIcon message={t('shell.loadFailed')} />}
      <Card title={t('quality.byAgent')}>
        <Table<AgentReportRow>
          rowKey="agentId"
          loading={!report.data && !report.failed}
          dataSource={agents ?? []}
          data-testid="agent-report"
          pagination={false}
          columns={[
            { title: t('quality.agent'), dataIndex: 'agentId', render: nameOf },
            { title: t('quality.conversations'), dataIndex: 'conversations' },
            { title: t('quality.averageTotal'), dataIndex: 'averageTotal' },
            {
              title: t('quality.failures'),
              dataIndex: 'failures',
              render: (failures) => <FailureTags failures={failures} />,
            },
          ]}
        />
        {agentBars.length > 0 && (
          <Suspense fallback={null}>
            <ReportChart bars={agentBars} testId="agent-chart" />
          </Suspense>
        )}
      </Card>
      <Card title={t('quality.byTeam')}>
        <Table<TeamReportRow>
          rowKey="teamId"
          loading={!report.data && !report.failed}
          dataSource={teams ?? []}
          data-testid="team-report"
          pagination={false}
          columns={[
            { title: t('quality.team'), dataIndex: 'name' },
            {
              title: t('quality.members'),
              dataIndex: 'memberIds',
              render: (ids: string[]) => ids.map(nameOf).join('、'),
            },
            { title: t('quality.conversations'), dataIndex: 'conversations' },
            {
              title: t('quality.averageTotal'),
              dataIndex: 'averageTotal',
              render: (value: number | null) => value ?? '—',
            },
            {
              title: t('quality.failures'),
              dataIndex: 'failures',
              render: (failures) => <FailureTags failures={failures} />,
            },
          ]}
        />
        {teamBars.length > 0 && (
          <Suspense fallback={null}>
            <ReportChart bars={teamBars} testId="team-chart" />
          </Suspense>
        )}
      </Card>
    </Space>
  );
}
