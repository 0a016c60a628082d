import { Card, Progress, Table, Tag } from 'antd';
import type { Presence, RoutingAgent, RoutingGroup } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';

const presenceColor: Record<Presence, string> = { online: 'green', busy: 'gold', away: 'default', offline: 'default' };

/** Everyone routing knows: presence (and whether routing set it offline for a silent console), load, groups. */
export function AgentsBoard({ agents, groups }: { agents?: RoutingAgent[]; groups: RoutingGroup[] }) {
  const { t } = useLanguage();
  return (
    <Card title={t('monitor.agents')} size="small">
      <Table<RoutingAgent>
        data-testid="agents-board"
        rowKey="agentId"
        size="small"
        pagination={false}
        loading={!agents}
        dataSource={agents ?? []}
        locale={{ emptyText: t('monitor.noAgents') }}
        columns={[
          { title: t('monitor.agent'), dataIndex: 'displayName' },
          {
            title: t('monitor.presence'),
            render: (_, agent) =>
              agent.presenceTimedOut ? (
                <Tag color="orange">{t('presence.timedOut')}</Tag>
              ) : (
                <Tag color={presenceColor[agent.presence]}>{t(`presence.${agent.presence}`)}</Tag>
              ),
          },
          {
            title: t('monitor.load'),
            render: (_, agent) => (
              <Progress
                size="small"
                percent={Math.round((100 * agent.active) / Math.max(1, agent.capacity))}
                format={() => `${agent.active}/${agent.capacity}`}
                style={{ minWidth: 120 }}
              />
            ),
          },
          {
            title: t('monitor.groups'),
            render: (_, agent) =>
              agent.groupIds.map((id) => <Tag key={id}>{groups.find((group) => group.id === id)?.name ?? id}</Tag>),
          },
        ]}
      />
    </Card>
  );
}
