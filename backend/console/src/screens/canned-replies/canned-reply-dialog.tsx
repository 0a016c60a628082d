import { Form, type GetRef, Input, Select } from 'antd';
import { useEffect, useRef } from 'react';
import type { CannedReply, RoutingGroup } from '../../api/kefu-api.ts';
import { FormDialog } from '../../forms/form-dialog.tsx';
import { topLevel, useFormSubmit } from '../../forms/use-form-submit.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { CannedReplyPreview } from './canned-reply-preview.tsx';
import { VariableTags } from './variable-tags.tsx';

interface CannedReplyValues {
  title: string;
  body: string;
  /** Empty: for everyone. */
  groupId?: string;
}

/**
 * Adds a canned reply (`reply` null) or changes one. Nothing is checked here that the API checks: its refusal (a blank
 * title, a body too long) lands under the field it names, in its own words.
 */
export function CannedReplyDialog({
  reply,
  open,
  groups,
  onClose,
  onSaved,
}: {
  reply: CannedReply | null;
  open: boolean;
  groups: readonly RoutingGroup[];
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [form] = Form.useForm<CannedReplyValues>();
  const body = Form.useWatch('body', form) ?? '';
  const bodyArea = useRef<GetRef<typeof Input.TextArea>>(null);
  const submission = useFormSubmit<CannedReplyValues>(
    form,
    (values) =>
      api.saveCannedReply(reply?.id, { title: values.title, body: values.body, groupId: values.groupId ?? null }),
    topLevel('title', 'body', 'groupId'),
    onSaved,
  );

  const { clearError } = submission;
  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
    if (reply) form.setFieldsValue({ title: reply.title, body: reply.body, groupId: reply.groupId ?? undefined });
  }, [open, reply, form, clearError]);

  /** Puts `{name}` where the cursor is (or over the selection), then leaves the cursor after it. */
  function insert(variable: string): void {
    const area = bodyArea.current?.resizableTextArea?.textArea;
    const current: string = form.getFieldValue('body') ?? '';
    const start = area?.selectionStart ?? current.length;
    const end = area?.selectionEnd ?? current.length;
    form.setFieldValue('body', current.slice(0, start) + variable + current.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + variable.length, start + variable.length);
    });
  }

  return (
    <FormDialog
      name="canned-reply"
      form={form}
      submission={submission}
      open={open}
      width={640}
      title={reply ? t('cannedAdmin.editTitle') : t('cannedAdmin.new')}
      okText={t('quality.save')}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('cannedAdmin.title')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="groupId" label={t('monitor.group')}>
        <Select
          allowClear
          placeholder={t('cannedAdmin.everyone')}
          options={groups.map((group) => ({ value: group.id, label: group.name }))}
        />
      </Form.Item>
      <Form.Item label={t('cannedAdmin.variables')} extra={t('cannedAdmin.variablesHint')}>
        <VariableTags onInsert={insert} />
      </Form.Item>
      <Form.Item name="body" label={t('cannedAdmin.body')}>
        <Input.TextArea ref={bodyArea} rows={5} maxLength={2000} showCount />
      </Form.Item>
      <CannedReplyPreview body={body} />
    </FormDialog>
  );
}
