import { Checkbox, Form, Input, Select } from 'antd';
import { type Disposition, dispositions, type TicketPriority, ticketPriorities } from '../../api/kefu-api.ts';
import { FormDialog } from '../../forms/form-dialog.tsx';
import { topLevel, useFormSubmit } from '../../forms/use-form-submit.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';

interface CloseForm {
  disposition: Disposition;
  summary: string;
  createTicket: boolean;
  subject?: string;
  priority: TicketPriority;
}

/**
 * Close with a disposition and a summary (stored encrypted), optionally filing a ticket (工单) that links the
 * conversation first, so whoever works the ticket reads what the customer said.
 */
export function CloseDialog({
  conversationId,
  open,
  onCancel,
  onClosed,
}: {
  conversationId: string;
  open: boolean;
  onCancel(): void;
  onClosed(ticketNumber?: number): void;
}) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [form] = Form.useForm<CloseForm>();
  const createTicket = Form.useWatch('createTicket', form);
  const submission = useFormSubmit<CloseForm, number | undefined>(
    form,
    async (values) => {
      const ticket =
        values.createTicket && values.subject
          ? await api.createTicket({
              subject: values.subject,
              description: values.summary,
              priority: values.priority,
              conversationId,
            })
          : undefined;
      await api.close(conversationId, values.disposition, values.summary);
      return ticket?.number;
    },
    topLevel('disposition', 'summary', 'subject', 'priority'),
    onClosed,
  );

  return (
    <FormDialog<CloseForm>
      name="close-conversation"
      form={form}
      submission={submission}
      open={open}
      title={t('close.title')}
      okText={t('close.button')}
      initialValues={{ disposition: 'resolved', createTicket: false, priority: 'normal' }}
      onClose={onCancel}
      destroyOnHidden
    >
      <Form.Item name="disposition" label={t('close.disposition')} rules={[{ required: true }]}>
        <Select options={dispositions.map((value) => ({ value, label: t(`disposition.${value}`) }))} />
      </Form.Item>
      <Form.Item name="summary" label={t('close.summary')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
        <Input.TextArea rows={3} autoFocus />
      </Form.Item>
      <Form.Item name="createTicket" valuePropName="checked">
        <Checkbox>{t('close.createTicket')}</Checkbox>
      </Form.Item>
      {createTicket && (
        <>
          <Form.Item
            name="subject"
            label={t('close.ticketSubject')}
            rules={[{ required: true, whitespace: true, max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="priority" label={t('close.priority')}>
            <Select options={ticketPriorities.map((value) => ({ value, label: t(`priority.${value}`) }))} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
