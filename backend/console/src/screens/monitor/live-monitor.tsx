import { Alert, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { QueueEntry } from '../../api/kefu-api.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { AgentsBoard } from './agents-board.tsx';
import { LiveBoard } from './live-board.tsx';
import { useRoutingBoard } from './use-routing-board.ts';

/**
 * The monitor's live tab: every waiting and served conversation and every agent's presence and load, refreshed every
 * 3 s; Take over (after a confirmation) makes the supervisor serve a conversation and opens it in the workspace.
 */
export function LiveMonitor() {
  const { t } = useLanguage();
  const { api } = useStaff();
  const navigate = useNavigate();
  const { board, failed, refresh } = useRoutingBoard(3_000);
  const [target, setTarget] = useState<QueueEntry>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function takeOver(entry: QueueEntry): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await api.takeOver(entry.conversationId);
      setTarget(undefined);
      navigate(`/workspace/${entry.conversationId}`);
    } catch (failure) {
      setError(fillIn(t('monitor.takeOverFailed'), { reason: (failure as Error).message }));
      refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {failed && <Alert type="error" showIcon message={t('shell.loadFailed')} />}
      <LiveBoard
        conversations={board?.conversations}
        agents={board?.agents ?? []}
        groups={board?.groups ?? []}
        onTakeOver={setTarget}
      />
      <AgentsBoard agents={board?.agents} groups={board?.groups ?? []} />
      <Modal
        open={!!target}
        title={t('monitor.takeOverTitle')}
        okText={t('monitor.takeOver')}
        cancelText={t('action.cancel')}
        confirmLoading={busy}
        onOk={() => target && void takeOver(target)}
        onCancel={() => {
          setTarget(undefined);
          setError(undefined);
        }}
      >
        <Typography.Paragraph>{t('monitor.takeOverBody')}</Typography.Paragraph>
        {target && (
          <Typography.Paragraph>
            {t('monitor.conversation')} <code>{target.conversationId.slice(0, 8)}</code>
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon message={error} />}
      </Modal>
    </Space>
  );
}
