import { Empty, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CannedReply } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';

/** Alt+R: pick a canned reply by title (type to search); the chosen body goes to `onPick` with its variables as written. */
export function CannedReplyPicker({
  open,
  groupId,
  onCancel,
  onPick,
}: {
  open: boolean;
  groupId?: string | null;
  onCancel(): void;
  onPick(reply: CannedReply): void;
}) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [replies, setReplies] = useState<CannedReply[]>();
  useEffect(() => {
    if (!open) return;
    setReplies(undefined);
    api
      .cannedReplies(groupId)
      .then(setReplies)
      .catch(() => setReplies([]));
  }, [open, groupId, api]);
  return (
    <Modal open={open} title={t('canned.title')} footer={null} onCancel={onCancel} destroyOnHidden>
      {replies && replies.length === 0 ? (
        <Empty description={t('canned.empty')} />
      ) : (
        <Select
          aria-label={t('canned.search')}
          placeholder={t('canned.search')}
          autoFocus
          defaultOpen
          showSearch
          loading={!replies}
          style={{ width: '100%' }}
          optionFilterProp="search"
          options={(replies ?? []).map((reply) => ({
            value: reply.id,
            title: reply.title,
            search: `${reply.title} ${reply.body}`,
            label: (
              <div>
                <Typography.Text strong>{reply.title}</Typography.Text>
                {reply.groupId === null && <Typography.Text type="secondary"> · {t('canned.global')}</Typography.Text>}
                <br />
                <Typography.Text type="secondary" ellipsis>
                  {reply.body}
                </Typography.Text>
              </div>
            ),
          }))}
          onChange={(id: string) => {
            const reply = replies?.find((candidate) => candidate.id === id);
            if (reply) onPick(reply);
          }}
        />
      )}
    </Modal>
  );
}
