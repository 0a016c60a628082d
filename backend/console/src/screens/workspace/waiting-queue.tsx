import { Card, List } from 'antd';
import { useState } from 'react';
import type { QueueEntry } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { usePolling } from '../../shell/use-polling.ts';
import { HandoffReason } from './handoff-reason.tsx';

/** For supervisors: the conversations waiting for an agent, next first. */
export function WaitingQueue() {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [waiting, setWaiting] = useState<QueueEntry[]>();
  usePolling(
    async () => setWaiting((await api.liveConversations()).filter((entry) => entry.state === 'waiting')),
    3_000,
    api,
  );
  return (
    <Card title={t('workspace.queue')} size="small">
      <List
        loading={!waiting}
        dataSource={waiting ?? []}
        locale={{ emptyText: t('workspace.empty') }}
        renderItem={(entry) => (
          <List.Item>
            {t('workspace.position')} {entry.position ?? '—'} · {entry.conversationId.slice(0, 8)}{' '}
            <HandoffReason reason={entry.reason} />
          </List.Item>
        )}
      />
    </Card>
  );
}
