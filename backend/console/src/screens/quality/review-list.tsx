import { Alert, Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import type { QualityReview } from '../../api/quality-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { ReviewDrawer } from './review-drawer.tsx';
import { useAgentNames } from './use-agent-names.ts';
import { useLoaded } from './use-loaded.ts';

/**
 * The reviewers' queue (pending reviews, oldest first) or the appeals waiting for a decision; a row opens the
 * conversation with its score and the form for the next step.
 */
export function ReviewList({ step }: { step: 'review' | 'decide' }) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const nameOf = useAgentNames();
  const { data, failed, reload } = useLoaded(
    () => api.qualityReviews(step === 'review' ? 'pending' : 'appealed'),
    step,
  );
  const [open, setOpen] = useState<QualityReview>();
  const appeals = step === 'decide';
  return (
    <Card title={t(appeals ? 'quality.tab.appeals' : 'quality.tab.queue')}>
      {failed && <Alert type="error" showIcon message={t('shell.loadFailed')} />}
      <Table<QualityReview>
        rowKey={(review) => `${review.conversationId}/${review.scorecardId}`}
        loading={!data && !failed}
        dataSource={data ?? []}
        data-testid={appeals ? 'appeal-list' : 'review-queue'}
        locale={{ emptyText: t(appeals ? 'quality.noAppeals' : 'quality.queueEmpty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('quality.conversation'),
            dataIndex: 'conversationId',
            render: (id: string) => <code>{id.slice(0, 8)}</code>,
          },
          { title: t('quality.scorecard'), dataIndex: 'scorecardId' },
          {
            title: t('quality.reason'),
            dataIndex: 'reason',
            render: (reason: QualityReview['reason']) => <Tag>{t(`quality.reason.${reason}`)}</Tag>,
          },
          appeals
            ? { title: t('quality.appealedBy'), dataIndex: 'appealedBy', render: nameOf }
            : {
                title: t('quality.queuedAt'),
                dataIndex: 'queuedAt',
                render: (at: string) => new Date(at).toLocaleString(),
              },
          {
            key: 'open',
            render: (_, review) => (
              <Button type="link" onClick={() => setOpen(review)}>
                {t(appeals ? 'quality.decide' : 'quality.review')}
              </Button>
            ),
          },
        ]}
      />
      <ReviewDrawer
        review={open}
        step={step}
        onClose={() => setOpen(undefined)}
        onDone={() => {
          setOpen(undefined);
          reload();
        }}
      />
    </Card>
  );
}
