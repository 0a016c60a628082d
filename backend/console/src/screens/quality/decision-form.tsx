import { Descriptions, Form, Input, Radio } from 'antd';
import type { Decision, QualityReview } from '../../api/quality-types.ts';
import { SubmitForm } from '../../forms/submit-form.tsx';
import { topLevel, useFormSubmit } from '../../forms/use-form-submit.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { ScoreInput } from './score-input.tsx';
import { useAgentNames } from './use-agent-names.ts';

/**
 * The decision on an agent's appeal (申诉处理): upheld with a new total, or rejected (the review's total stands). The
 * API refuses the reviewer and the agent (maker-checker); the refusal is shown as it comes.
 */
export function DecisionForm({ review, onDone }: { review: QualityReview; onDone(): void }) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const nameOf = useAgentNames();
  const [form] = Form.useForm<Decision>();
  const upheld = Form.useWatch('upheld', form);
  const submission = useFormSubmit<Decision>(
    form,
    (values) => api.decideAppeal(review, values.upheld ? values : { upheld: false, comment: values.comment }),
    topLevel('upheld', 'total', 'comment'),
    onDone,
  );

  return (
    <>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('quality.reviewer')}>{nameOf(review.reviewerId)}</Descriptions.Item>
        <Descriptions.Item label={t('quality.reviewTotal')}>{review.reviewedTotal}</Descriptions.Item>
        <Descriptions.Item label={t('quality.reviewComment')}>{review.reviewComment}</Descriptions.Item>
        <Descriptions.Item label={t('quality.appealedBy')}>{nameOf(review.appealedBy)}</Descriptions.Item>
        <Descriptions.Item label={t('quality.appealReason')}>{review.appealReason}</Descriptions.Item>
      </Descriptions>
      <SubmitForm
        name="decision"
        form={form}
        submission={submission}
        initialValues={{ upheld: false }}
        submitText={t('quality.submitDecision')}
      >
        <Form.Item name="upheld" label={t('quality.decision')}>
          <Radio.Group>
            <Radio value={false}>{t('quality.reject')}</Radio>
            <Radio value={true}>{t('quality.uphold')}</Radio>
          </Radio.Group>
        </Form.Item>
        {upheld && (
          <Form.Item name="total" label={t('quality.newTotal')} rules={[{ required: true }]}>
            <ScoreInput />
          </Form.Item>
        )}
        <Form.Item name="comment" label={t('quality.decisionComment')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </SubmitForm>
    </>
  );
}
