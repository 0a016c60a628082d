import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { type Disposition, dispositions, type TicketPriority, ticketPriorities } from '../../api/kefu-api.ts';
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
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(values: CloseForm) {
    setBusy(true);
    setError(undefined);
    try {
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
      onClosed(ticket?.number);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('action.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={t('close.title')}
      open={open}
      okText={t('close.button')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'close-conversation' }}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<CloseForm>
        id="close-conversation"
        form={form}
        layout="vertical"
        initialValues={{ disposition: 'resolved', createTicket: false, priority: 'normal' }}
        onFinish={(values) => void submit(values)}
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
      </Form>
    </Modal>
  );
}
