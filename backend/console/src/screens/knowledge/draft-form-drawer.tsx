import { Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { KnowledgeContent, KnowledgeDraft } from '../../api/knowledge-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { ApiErrorAlert } from '../api-error-alert.tsx';
import { contentOf, type DraftFormValues, formValuesOf } from './draft-form-values.ts';

/** What the drawer edits: an existing draft, or a new one (possibly started from an unanswered-question suggestion). */
export type DraftTarget = { draft: KnowledgeDraft } | { start: Partial<KnowledgeContent> };

/** Writes or revises one FAQ draft: the fields the draft DTOs accept, validated again by the API. */
export function DraftFormDrawer({
  target,
  onClose,
  onSaved,
}: {
  target: DraftTarget | undefined;
  onClose(): void;
  onSaved(draft: KnowledgeDraft): void;
}) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [form] = Form.useForm<DraftFormValues>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const existing = target && 'draft' in target ? target.draft : undefined;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setError(undefined);
    if ('draft' in target) {
      const { draft } = target;
      form.setFieldsValue({
        itemId: draft.itemId,
        kind: draft.kind,
        language: draft.language,
        ...formValuesOf(draft.content ?? {}),
      });
    } else {
      form.setFieldsValue({ kind: 'faq', language: 'zh', tags: [], ...formValuesOf(target.start) });
    }
  }, [target, form]);

  async function save(values: DraftFormValues) {
    setBusy(true);
    setError(undefined);
    try {
      const content = contentOf(values, existing?.content);
      const saved = existing
        ? await api.updateDraft(existing.id, content)
        : await api.createDraft({
            itemId: values.itemId.trim(),
            action: 'upsert',
            kind: values.kind,
            language: values.language,
            content,
          });
      onSaved(saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const required = [{ required: true }];
  return (
    <Drawer
      title={existing ? `${t('draft.edit')}: ${existing.itemId}` : t('draft.new')}
      open={Boolean(target)}
      onClose={onClose}
      width={640}
      destroyOnClose
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('draft.save')}
          </Button>
        </Space>
      }
    >
      <Form<DraftFormValues> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="itemId" label={t('draft.itemId')} extra={t('draft.itemIdHint')} rules={required}>
          <Input disabled={Boolean(existing)} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="kind" label={t('knowledge.kind')} rules={required}>
            <Select disabled={Boolean(existing)} style={{ width: 160 }} options={kindOptions} />
          </Form.Item>
          <Form.Item name="language" label={t('knowledge.language')} rules={required}>
            <Select disabled={Boolean(existing)} style={{ width: 160 }} options={languageOptions} />
          </Form.Item>
        </Space>
        <Form.Item name="question" label={t('knowledge.question')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="similar" label={t('knowledge.similar')} extra={t('draft.similarHint')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="answer" label={t('draft.answer')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="answerWeb" label={t('draft.answerWeb')}>
          <Input.TextArea rows={1} />
        </Form.Item>
        <Form.Item name="answerApi" label={t('draft.answerApi')}>
          <Input.TextArea rows={1} />
        </Form.Item>
        <Form.Item name="category" label={t('knowledge.category')} rules={required}>
          <Input placeholder="银行卡/挂失" />
        </Form.Item>
        <Form.Item name="tags" label={t('draft.tags')}>
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="effectiveFrom" label={t('draft.effectiveFrom')}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('draft.expiresAt')}>
            <Input type="datetime-local" />
          </Form.Item>
        </Space>
      </Form>
      <ApiErrorAlert error={error} />
    </Drawer>
  );
}

const kindOptions = ['faq', 'intent', 'chitchat'].map((kind) => ({ value: kind, label: kind }));
const languageOptions = ['zh', 'en'].map((language) => ({ value: language, label: language }));
