import { Button, Descriptions, Drawer, Typography } from 'antd';
import type { AuditEvent } from '../../api/kefu-api.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { OutcomeTag } from './outcome-tag.tsx';

/** Every field of one event, read-only; the one action offered is to export its range. */
export function AuditEventDrawer({
  event,
  onClose,
  onExport,
}: {
  event: AuditEvent | undefined;
  onClose(): void;
  onExport(event: AuditEvent): void;
}) {
  const { t, language } = useLanguage();
  return (
    <Drawer
      open={event !== undefined}
      onClose={onClose}
      width={640}
      title={event && fillIn(t('audit.detail'), { seq: event.seq })}
      extra={event && <Button onClick={() => onExport(event)}>{t('audit.exportThis')}</Button>}
    >
      {event && (
        <Descriptions column={1} size="small" bordered data-testid="audit-event-detail">
          <Descriptions.Item label={t('audit.seq')}>{event.seq}</Descriptions.Item>
          <Descriptions.Item label={t('audit.time')}>
            {new Date(event.occurredAt).toLocaleString(language)} ({event.occurredAt})
          </Descriptions.Item>
          <Descriptions.Item label={t('audit.actor')}>{event.actorId}</Descriptions.Item>
          <Descriptions.Item label={t('audit.actorKind')}>{event.actorKind}</Descriptions.Item>
          <Descriptions.Item label={t('audit.roles')}>{event.actorRoles.join(', ')}</Descriptions.Item>
          <Descriptions.Item label={t('audit.action')}>{event.action}</Descriptions.Item>
          <Descriptions.Item label={t('audit.targetType')}>{event.targetType}</Descriptions.Item>
          <Descriptions.Item label={t('audit.targetId')}>{event.targetId}</Descriptions.Item>
          <Descriptions.Item label={t('audit.outcome')}>
            <OutcomeTag outcome={event.outcome} />
          </Descriptions.Item>
          <Descriptions.Item label={t('audit.source')}>{event.sourceAddress}</Descriptions.Item>
          <Descriptions.Item label={t('audit.requestId')}>{event.requestId}</Descriptions.Item>
          <Descriptions.Item label={t('audit.details')}>
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {JSON.stringify(event.details, null, 2)}
            </pre>
          </Descriptions.Item>
          <Descriptions.Item label={t('audit.prevHash')}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {event.prevHash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('audit.rowHash')}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {event.rowHash}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
