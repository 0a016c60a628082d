import { Alert, Card, Empty, List, Space, Typography } from 'antd';
import type { MyRouting } from '../../api/kefu-api.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { HandoffReason } from './handoff-reason.tsx';
import { PresenceSwitch } from './presence-switch.tsx';

/**
 * The agent's presence and load (with why, when routing set them offline because their console went silent), and
 * the conversations routing has assigned to them; one click opens one.
 */
export function MyConversations({
  routing,
  openId,
  onOpen,
  onPresenceChanged,
}: {
  routing?: MyRouting;
  openId?: string;
  onOpen(conversationId: string): void;
  onPresenceChanged(): void;
}) {
  const { t } = useLanguage();
  const agent = routing?.agent;
  return (
    <Card
      title={t('workspace.myConversations')}
      size="small"
      extra={
        agent && (
          <Space>
            <PresenceSwitch presence={agent.presence} onChanged={onPresenceChanged} />
            <Typography.Text type="secondary">
              {t('workspace.load')} {agent.active}/{agent.capacity}
            </Typography.Text>
          </Space>
        )
      }
    >
      {agent?.presenceTimedOut && routing && (
        <Alert
          data-testid="presence-timed-out"
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={fillIn(t('workspace.timedOut'), { minutes: Math.ceil(routing.presenceTimeoutSeconds / 60) })}
        />
      )}
      <List
        loading={!routing}
        dataSource={routing?.assigned ?? []}
        locale={{ emptyText: <Empty description={t('workspace.empty')}>{t('workspace.emptyHint')}</Empty> }}
        renderItem={(entry) => (
          <List.Item
            data-testid="my-conversation"
            onClick={() => onOpen(entry.conversationId)}
            style={{
              cursor: 'pointer',
              paddingInline: 8,
              background: entry.conversationId === openId ? '#e6f4ff' : undefined,
            }}
          >
            <List.Item.Meta
              title={
                <a href={`#${entry.conversationId}`} onClick={(event) => event.preventDefault()}>
                  {t('workspace.conversation')} {entry.conversationId.slice(0, 8)}
                </a>
              }
              description={
                <Space size={4} wrap>
                  <HandoffReason reason={entry.reason} />
                  {entry.assignedAt && new Date(entry.assignedAt).toLocaleTimeString()}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
