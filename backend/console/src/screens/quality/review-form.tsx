import { Form, Input } from 'antd';
import type { QualityReview } from '../../api/quality-types.ts';
import { SubmitForm } from '../../forms/submit-form.tsx';
import { topLevel, useFormSubmit } from '../../forms/use-form-submit.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { ScoreInput } from './score-input.tsx';

interface ReviewValues {
  total: number;
  comment: string;
}

/** The reviewer's total (0–100, one decimal) and comment (复核意见). */
export function ReviewForm({ review, onDone }: { review: QualityReview; onDone(): void }) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [form] = Form.useForm<ReviewValues>();
  const submission = useFormSubmit<ReviewValues>(
    form,
    (values) => api.submitReview(review, values.total, values.comment),
    topLevel('total', 'comment'),
    onDone,
  );

  return (
    <SubmitForm name="review" form={form} submission={submission} submitText={t('quality.submitReview')}>
      <Form.Item name="total" label={t('quality.reviewTotal')} rules={[{ required: true }]}>
        <ScoreInput />
      </Form.Item>
      <Form.Item name="comment" label={t('quality.reviewComment')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </SubmitForm>
  );
}
