import { Table } from 'antd';
import type { AgentFigures } from '../../api/analytics-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { duration, percent } from './figure-format.ts';

/**
 * Each agent over the range: conversations served, handle time, time available (online or busy), and occupancy —
 * handle time over capacity × time available; "—" for an agent who was never available.
 */
export function AgentsTable({ agents }: { agents: AgentFigures[] }) {
  const { t } = useLanguage();
  return (
    <Table<AgentFigures>
      size="small"
      rowKey="agentId"
      pagination={false}
      dataSource={agents}
      columns={[
        { title: t('analytics.agent'), render: (_, agent) => agent.displayName ?? agent.agentId },
        { title: t('analytics.served'), dataIndex: 'conversations', align: 'right' },
        { title: t('analytics.handleTime'), align: 'right', render: (_, agent) => duration(agent.servedSeconds) },
        { title: t('analytics.available'), align: 'right', render: (_, agent) => duration(agent.availableSeconds) },
        { title: t('analytics.occupancy'), align: 'right', render: (_, agent) => percent(agent.occupancy) },
      ]}
    />
  );
}
