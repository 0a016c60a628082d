import { Form, Input } from 'antd';
import type { QualityReview } from '../../api/quality-types.ts';
import { FormDialog } from '../../forms/form-dialog.tsx';
import { topLevel, useFormSubmit } from '../../forms/use-form-submit.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';

/** The agent disputes a reviewed score (申诉) with a reason; someone other than the reviewer decides. */
export function AppealDialog({
  review,
  onClose,
  onDone,
}: {
  review: QualityReview | undefined;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [form] = Form.useForm<{ reason: string }>();
  const submission = useFormSubmit<{ reason: string }>(
    form,
    async ({ reason }) => {
      if (!review) return false;
      await api.appeal(review, reason);
      form.resetFields();
    },
    topLevel('reason'),
    onDone,
  );

  return (
    <FormDialog
      name="appeal"
      form={form}
      submission={submission}
      open={!!review}
      title={t('quality.appealTitle')}
      okText={t('quality.submitAppeal')}
      onClose={onClose}
      destroyOnHidden
    >
      <Form.Item name="reason" label={t('quality.appealReason')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}
