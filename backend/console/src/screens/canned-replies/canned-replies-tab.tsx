import { Alert, Button, message, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CannedReply } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { ApiErrorAlert } from '../api-error-alert.tsx';
import { useLoaded } from '../quality/use-loaded.ts';
import { CannedReplyDialog } from './canned-reply-dialog.tsx';

/**
 * Every canned reply (global first, then by title, as the API sorts them) with its skill group by name; supervisors
 * add, change and remove them here. Each change is audited by the API.
 */
export function CannedRepliesTab() {
  const { t } = useLanguage();
  const { api } = useStaff();
  const { data, failed, reload } = useLoaded(async () => {
    const [replies, groups] = await Promise.all([api.cannedReplies(), api.routingGroups()]);
    return { replies, groups };
  }, 'canned-replies');
  // undefined: closed; null: a new reply.
  const [editing, setEditing] = useState<CannedReply | null>();
  const [error, setError] = useState<unknown>();
  const groupName = (groupId: string | null) =>
    groupId === null ? undefined : (data?.groups.find((group) => group.id === groupId)?.name ?? groupId);

  async function remove(reply: CannedReply): Promise<void> {
    setError(undefined);
    try {
      await api.deleteCannedReply(reply.id);
      void message.success(t('cannedAdmin.deleted'));
    } catch (failure) {
      setError(failure);
    }
    reload();
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {failed && <Alert type="error" showIcon message={t('shell.loadFailed')} />}
      <ApiErrorAlert error={error} />
      <Button type="primary" onClick={() => setEditing(null)}>
        {t('cannedAdmin.new')}
      </Button>
      <Table<CannedReply>
        data-testid="canned-replies"
        rowKey="id"
        size="small"
        loading={!data && !failed}
        dataSource={data?.replies ?? []}
        locale={{ emptyText: t('canned.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('cannedAdmin.title'), dataIndex: 'title', width: 200 },
          {
            title: t('cannedAdmin.body'),
            dataIndex: 'body',
            render: (body: string) => (
              <Typography.Text ellipsis={{ tooltip: body }} style={{ maxWidth: 480 }}>
                {body}
              </Typography.Text>
            ),
          },
          {
            title: t('monitor.group'),
            dataIndex: 'groupId',
            width: 180,
            render: (groupId: string | null) => groupName(groupId) ?? <Tag>{t('canned.global')}</Tag>,
          },
          {
            title: '',
            width: 160,
            render: (_, reply) => (
              <Space>
                <Button size="small" onClick={() => setEditing(reply)}>
                  {t('cannedAdmin.edit')}
                </Button>
                <Popconfirm
                  title={t('cannedAdmin.deleteConfirm')}
                  okText={t('cannedAdmin.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('action.cancel')}
                  onConfirm={() => remove(reply)}
                >
                  <Button size="small" danger>
                    {t('cannedAdmin.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <CannedReplyDialog
        reply={editing ?? null}
        open={editing !== undefined}
        groups={data?.groups ?? []}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void message.success(t('cannedAdmin.saved'));
          reload();
        }}
      />
    </Space>
  );
}
