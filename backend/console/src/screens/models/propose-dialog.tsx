import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { ApiErrorAlert } from '../api-error-alert.tsx';

export interface ProposalDraft {
  model: string;
  package: string;
}

interface ProposeForm extends ProposalDraft {
  note?: string;
}

/** A trainer asks for a package to go live; nothing changes until another person approves it. */
export function ProposeDialog({
  start,
  onCancel,
  onProposed,
}: {
  start: ProposalDraft | undefined;
  onCancel(): void;
  onProposed(): void;
}) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [form] = Form.useForm<ProposeForm>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!start) return;
    form.resetFields();
    form.setFieldsValue(start);
    setError(undefined);
  }, [start, form]);

  async function propose(values: ProposeForm) {
    setBusy(true);
    setError(undefined);
    try {
      await api.proposeActivation(values.model.trim(), values.package.trim(), values.note?.trim() || undefined);
      onProposed();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={t('proposal.propose')}
      open={Boolean(start)}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t('proposal.propose')}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      destroyOnClose
    >
      <Form<ProposeForm> form={form} layout="vertical" onFinish={(values) => void propose(values)}>
        <Form.Item name="model" label={t('proposal.model')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="package" label={t('proposal.package')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('proposal.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={error} />
    </Modal>
  );
}
