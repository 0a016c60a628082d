import { Alert, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Permission } from '../../../../src/common/access/permission.ts';
import type { DraftState, KnowledgeDraft } from '../../api/knowledge-types.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useStaff } from '../../shell/staff-context.tsx';
import { ApiErrorAlert } from '../api-error-alert.tsx';
import { DraftFormDrawer, type DraftTarget } from './draft-form-drawer.tsx';
import { DraftReviewDrawer } from './draft-review-drawer.tsx';

const stateColors: Record<DraftState, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
};

/** Editors write, revise and submit drafts here; approvers open a submitted one to review it. */
export function DraftsTab() {
  const { t, language } = useLanguage();
  const { api, staff } = useStaff();
  const [state, setState] = useState<DraftState | 'all'>('all');
  const [drafts, setDrafts] = useState<KnowledgeDraft[]>();
  const [error, setError] = useState<unknown>();
  /** The outcome of the last step, kept on screen (a publish names its release number). */
  const [notice, setNotice] = useState<string>();
  const [editing, setEditing] = useState<DraftTarget>();
  const [reviewing, setReviewing] = useState<KnowledgeDraft>();
  const canEdit = staff.permissions.includes(Permission.KnowledgeEdit);
  const canApprove = staff.permissions.includes(Permission.KnowledgeApprove);

  const load = useCallback(async () => {
    try {
      setDrafts(await api.knowledgeDrafts(state === 'all' ? undefined : state));
    } catch (failure) {
      setError(failure);
    }
  }, [api, state]);
  useEffect(() => void load(), [load]);

  async function submit(draft: KnowledgeDraft) {
    setError(undefined);
    setNotice(undefined);
    try {
      await api.submitDraft(draft.id);
      setNotice(t('draft.submitted'));
      await load();
    } catch (failure) {
      setError(failure);
    }
  }

  const mine = (draft: KnowledgeDraft) => draft.authorId === staff.id;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<DraftState | 'all'>
          value={state}
          onChange={setState}
          options={(['all', 'draft', 'submitted', 'rejected', 'approved'] as const).map((value) => ({
            value,
            label: t(value === 'all' ? 'draft.all' : (`draft.state.${value}` as MessageKey)),
          }))}
        />
        {canEdit && (
          <Button type="primary" onClick={() => setEditing({ start: {} })}>
            {t('draft.new')}
          </Button>
        )}
      </Space>
      {notice && <Alert data-testid="drafts-notice" type="success" showIcon closable message={notice} />}
      <ApiErrorAlert error={error} />
      <Table<KnowledgeDraft>
        rowKey="id"
        size="small"
        loading={!drafts}
        dataSource={drafts ?? []}
        locale={{ emptyText: t('draft.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('draft.itemId'), dataIndex: 'itemId' },
          {
            title: t('knowledge.question'),
            render: (_, draft) => draft.content?.question ?? <Tag color="red">{t('draft.action.delete')}</Tag>,
          },
          {
            title: t('draft.state'),
            render: (_, draft) => (
              <Space direction="vertical" size={0}>
                <Tag color={stateColors[draft.state]}>{t(`draft.state.${draft.state}` as MessageKey)}</Tag>
                {draft.state === 'rejected' && draft.decisionNote && (
                  <Typography.Text type="danger">
                    {fillIn(t('draft.rejectedBecause'), { reason: draft.decisionNote })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('draft.author'), render: (_, draft) => draft.authorName ?? draft.authorId },
          {
            title: t('draft.updatedAt'),
            dataIndex: 'updatedAt',
            render: (at: string) => new Date(at).toLocaleString(language),
          },
          {
            title: '',
            render: (_, draft) => (
              <Space>
                {canEdit && mine(draft) && draft.action === 'upsert' && ['draft', 'rejected'].includes(draft.state) && (
                  <Typography.Link onClick={() => setEditing({ draft })}>{t('draft.edit')}</Typography.Link>
                )}
                {canEdit && mine(draft) && draft.state === 'draft' && (
                  <Typography.Link onClick={() => void submit(draft)}>{t('draft.submit')}</Typography.Link>
                )}
                {canApprove && draft.state === 'submitted' && (
                  <Typography.Link onClick={() => setReviewing(draft)}>{t('draft.review')}</Typography.Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      <DraftFormDrawer
        target={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          setNotice(t('draft.saved'));
          void load();
        }}
      />
      <DraftReviewDrawer
        draft={reviewing}
        onClose={() => setReviewing(undefined)}
        onDecided={(outcome) => {
          setReviewing(undefined);
          setNotice(outcome);
          void load();
        }}
      />
    </Space>
  );
}
