import { Alert, Button, Card, Descriptions, Table, Tag } from 'antd';
import { useState } from 'react';
import type { MyScore, QualityReview } from '../../api/quality-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { AppealDialog } from './appeal-dialog.tsx';
import { effectiveTotal, RuleResults } from './rule-results.tsx';
import { useLoaded } from './use-loaded.ts';

/** The agent's own scores, newest first: the total that counts, each rule's result, the review; appeal a review. */
export function MyScores() {
  const { t } = useLanguage();
  const { api } = useStaff();
  const { data, failed, reload } = useLoaded(() => api.myQualityScores(), 'my-scores');
  const [appealing, setAppealing] = useState<QualityReview>();
  return (
    <Card title={t('quality.tab.mine')}>
      {failed && <Alert type="error" showIcon message={t('shell.loadFailed')} />}
      <Table<MyScore>
        rowKey={(score) => `${score.conversationId}/${score.scorecardId}`}
        loading={!data && !failed}
        dataSource={data ?? []}
        data-testid="my-scores"
        locale={{ emptyText: t('quality.noScores') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (score) => <ScoreDetails score={score} /> }}
        columns={[
          {
            title: t('quality.conversation'),
            dataIndex: 'conversationId',
            render: (id: string) => <code>{id.slice(0, 8)}</code>,
          },
          { title: t('quality.scorecard'), dataIndex: 'scorecardId' },
          {
            title: t('quality.scoredAt'),
            dataIndex: 'scoredAt',
            render: (at: string) => new Date(at).toLocaleString(),
          },
          {
            title: t('quality.total'),
            key: 'total',
            render: (_, score) => <span data-testid="effective-total">{effectiveTotal(score, score.review)}</span>,
          },
          {
            title: t('quality.reviewState'),
            key: 'state',
            render: (_, score) => <Tag>{t(`quality.state.${score.review?.state ?? 'none'}`)}</Tag>,
          },
          {
            key: 'appeal',
            render: (_, score) =>
              score.review?.state === 'reviewed' && (
                <Button onClick={() => setAppealing(score.review ?? undefined)}>{t('quality.appeal')}</Button>
              ),
          },
        ]}
      />
      <AppealDialog
        review={appealing}
        onClose={() => setAppealing(undefined)}
        onDone={() => {
          setAppealing(undefined);
          reload();
        }}
      />
    </Card>
  );
}

function ScoreDetails({ score }: { score: MyScore }) {
  const { t } = useLanguage();
  const review = score.review;
  return (
    <>
      {review?.reviewComment && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('quality.automaticTotal')}>{score.total}</Descriptions.Item>
          <Descriptions.Item label={t('quality.reviewTotal')}>{review.reviewedTotal}</Descriptions.Item>
          <Descriptions.Item label={t('quality.reviewComment')}>{review.reviewComment}</Descriptions.Item>
          {review.appealReason && (
            <Descriptions.Item label={t('quality.appealReason')}>{review.appealReason}</Descriptions.Item>
          )}
          {review.decisionComment && (
            <Descriptions.Item label={t('quality.decisionComment')}>
              {t(review.upheld ? 'quality.uphold' : 'quality.reject')} · {review.decisionComment}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <RuleResults score={score} />
    </>
  );
}
