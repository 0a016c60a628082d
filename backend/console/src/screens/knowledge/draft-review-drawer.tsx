import { Button, Drawer, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { KnowledgeDraft, ReleaseDiff } from '../../api/knowledge-types.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { ApiErrorAlert } from '../api-error-alert.tsx';
import { DiffView } from './diff-view.tsx';

/**
 * The approver's view of one submitted draft: what it changes against the published version, then publish it (a new
 * release) or reject it with a reason. The API refuses the author's own draft (self_approval), shown as such.
 */
export function DraftReviewDrawer({
  draft,
  onClose,
  onDecided,
}: {
  draft: KnowledgeDraft | undefined;
  onClose(): void;
  onDecided(outcome: string): void;
}) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [diff, setDiff] = useState<ReleaseDiff>();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setDiff(undefined);
    setError(undefined);
    setNote('');
    setReason('');
    if (draft) api.draftDiff(draft.id).then(setDiff, setError);
  }, [api, draft]);

  async function decide(action: () => Promise<string>) {
    setBusy(true);
    setError(undefined);
    try {
      onDecided(await action());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  const publish = (id: string) =>
    decide(async () => {
      const release = await api.publishDrafts([id], note.trim() || undefined);
      return fillIn(t('review.published'), { number: release.number });
    });
  const reject = (id: string) =>
    decide(async () => {
      await api.rejectDraft(id, reason.trim());
      return t('review.rejected');
    });

  return (
    <Drawer
      title={draft ? fillIn(t('review.title'), { item: draft.itemId }) : ''}
      open={Boolean(draft)}
      onClose={onClose}
      width={760}
      destroyOnClose
    >
      {draft && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('draft.author')}: {draft.authorName ?? draft.authorId}
          </Typography.Text>
          <Typography.Title level={5}>{t('review.diff')}</Typography.Title>
          {diff && <DiffView diff={withAddedContent(diff, draft)} />}
          <ApiErrorAlert error={error} />
          <Input placeholder={t('review.note')} value={note} onChange={(event) => setNote(event.target.value)} />
          <Button type="primary" loading={busy} onClick={() => void publish(draft.id)}>
            {t('review.approve')}
          </Button>
          <Input.TextArea
            placeholder={t('review.reason')}
            aria-label={t('review.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <Button danger disabled={!reason.trim()} loading={busy} onClick={() => void reject(draft.id)}>
            {t('review.reject')}
          </Button>
        </Space>
      )}
    </Drawer>
  );
}

/** A new item's diff names only its id: the approver also needs to read what it says, so show its fields as added. */
function withAddedContent(diff: ReleaseDiff, draft: KnowledgeDraft): ReleaseDiff {
  if (!draft.content || !diff.added.includes(draft.itemId)) return diff;
  const { answers, ...fields } = draft.content;
  const changes = [
    ...Object.entries(fields).map(([field, after]) => ({ field, before: null, after })),
    ...Object.entries(answers).map(([channel, after]) => ({ field: `answers.${channel}`, before: null, after })),
  ];
  return { ...diff, changed: [...diff.changed, { id: draft.itemId, changes }] };
}
