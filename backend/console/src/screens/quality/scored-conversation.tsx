import { Alert, Col, Row, Spin, Statistic } from 'antd';
import type { QualityReview } from '../../api/quality-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { TranscriptList } from '../workspace/transcript-list.tsx';
import { RuleResults } from './rule-results.tsx';
import { useLoaded } from './use-loaded.ts';

/** What a reviewer judges: the transcript (masked) beside the automatic score and each rule's result. */
export function ScoredConversation({ review }: { review: QualityReview }) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const { data, failed } = useLoaded(
    () => Promise.all([api.qualityTranscript(review.conversationId), api.qualityScores(review.conversationId)]),
    `${review.conversationId}/${review.scorecardId}`,
  );
  if (failed) return <Alert type="error" showIcon message={t('shell.loadFailed')} />;
  if (!data) return <Spin />;
  const [transcript, scores] = data;
  const score = scores.find((candidate) => candidate.scorecardId === review.scorecardId);
  return (
    <Row gutter={16}>
      <Col span={13}>
        <TranscriptList messages={transcript.messages} />
      </Col>
      <Col span={11}>
        {score && (
          <>
            <Statistic title={t('quality.automaticTotal')} value={score.total} data-testid="automatic-total" />
            <RuleResults score={score} />
          </>
        )}
      </Col>
    </Row>
  );
}
