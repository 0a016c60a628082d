import { Card, Descriptions, Input, List, Typography } from 'antd';
import { useState } from 'react';
import type { ConversationSummary, MaskedProfile, QueueEntry } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { HandoffReason } from './handoff-reason.tsx';
import { ProfileFieldValue } from './profile-field.tsx';

/**
 * What the agent knows of the customer: the conversation's channel and language, why the bot handed off, and a
 * customer profile looked up by mobile number (conversations do not link profiles yet), every personal field masked.
 */
export function CustomerPanel({ conversation, entry }: { conversation?: ConversationSummary; entry?: QueueEntry }) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [profiles, setProfiles] = useState<MaskedProfile[]>();
  return (
    <Card title={t('customer.title')} size="small" data-testid="customer-panel">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('customer.channel')}>{conversation?.channel ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customer.language')}>{conversation?.language ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customer.reason')}>
          {entry ? <HandoffReason reason={entry.reason} /> : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Input.Search
        aria-label={t('customer.lookup')}
        placeholder={t('customer.lookup')}
        allowClear
        style={{ marginTop: 8 }}
        onSearch={(phone) => {
          if (phone.trim()) void api.searchProfiles(phone.trim()).then(setProfiles, () => setProfiles([]));
        }}
      />
      {profiles && (
        <List
          size="small"
          dataSource={profiles}
          locale={{ emptyText: t('customer.noProfile') }}
          renderItem={(profile) => (
            <List.Item>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('customer.name')}>
                  <ProfileFieldValue profileId={profile.id} field="name" masked={profile.name} />
                </Descriptions.Item>
                <Descriptions.Item label={t('customer.phone')}>
                  <ProfileFieldValue profileId={profile.id} field="phone" masked={profile.phone} />
                </Descriptions.Item>
                <Descriptions.Item label={t('customer.idNumber')}>
                  <ProfileFieldValue profileId={profile.id} field="idNumber" masked={profile.idNumber} />
                </Descriptions.Item>
              </Descriptions>
            </List.Item>
          )}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('customer.masked')}
      </Typography.Text>
    </Card>
  );
}
