import { Drawer } from 'antd';
import type { QualityReview } from '../../api/quality-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { DecisionForm } from './decision-form.tsx';
import { ReviewForm } from './review-form.tsx';
import { ScoredConversation } from './scored-conversation.tsx';

/** One review opened from the queue (to review) or from the appeals (to decide): the conversation, then the form. */
export function ReviewDrawer({
  review,
  step,
  onClose,
  onDone,
}: {
  review: QualityReview | undefined;
  step: 'review' | 'decide';
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useLanguage();
  return (
    <Drawer
      open={!!review}
      width={1100}
      onClose={onClose}
      destroyOnHidden
      title={review && `${t('quality.conversation')} ${review.conversationId.slice(0, 8)} · ${review.scorecardId}`}
    >
      {review && (
        <>
          <ScoredConversation review={review} />
          {step === 'review' ? (
            <ReviewForm review={review} onDone={onDone} />
          ) : (
            <DecisionForm review={review} onDone={onDone} />
          )}
        </>
      )}
    </Drawer>
  );
}
