import { Button, Card, Table, Tag } from 'antd';
import type { QueueEntry, RoutingAgent, RoutingGroup } from '../../api/kefu-api.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { HandoffReason } from '../workspace/handoff-reason.tsx';

/** Waiting conversations (next first) then served ones: group, agent, time waited; Take over on each. */
export function LiveBoard({
  conversations,
  agents,
  groups,
  onTakeOver,
}: {
  conversations?: QueueEntry[];
  agents: RoutingAgent[];
  groups: RoutingGroup[];
  onTakeOver(entry: QueueEntry): void;
}) {
  const { t } = useLanguage();
  const groupName = (id: string | null) => groups.find((group) => group.id === id)?.name ?? '—';
  const agentName = (id: string | null) =>
    id ? (agents.find((agent) => agent.agentId === id)?.displayName ?? id.slice(0, 8)) : '—';
  return (
    <Card title={t('monitor.board')} size="small" extra={t('monitor.refreshed')}>
      <Table<QueueEntry>
        data-testid="live-board"
        rowKey="conversationId"
        size="small"
        pagination={false}
        loading={!conversations}
        dataSource={conversations ?? []}
        locale={{ emptyText: t('monitor.empty') }}
        columns={[
          {
            title: t('monitor.conversation'),
            dataIndex: 'conversationId',
            render: (id: string) => <code>{id.slice(0, 8)}</code>,
          },
          {
            title: t('monitor.state'),
            render: (_, entry) =>
              entry.state === 'waiting' ? (
                <Tag color="orange">
                  {t('monitor.waiting')}
                  {entry.position ? ` · ${fillIn(t('monitor.position'), { position: entry.position })}` : ''}
                </Tag>
              ) : (
                <Tag color="green">{t('monitor.assigned')}</Tag>
              ),
          },
          { title: t('monitor.group'), render: (_, entry) => groupName(entry.groupId) },
          { title: t('monitor.agent'), render: (_, entry) => agentName(entry.agentId) },
          { title: t('monitor.waited'), render: (_, entry) => duration(entry.waitedSeconds ?? 0) },
          { title: t('monitor.reason'), render: (_, entry) => <HandoffReason reason={entry.reason} /> },
          {
            title: '',
            render: (_, entry) => (
              <Button size="small" onClick={() => onTakeOver(entry)}>
                {t('monitor.takeOver')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 75 → "1:15", 3725 → "1:02:05". */
function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
