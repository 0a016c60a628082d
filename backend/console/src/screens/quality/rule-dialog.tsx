import { Form, Input } from 'antd';
import { useMemo } from 'react';
import type { QualityRule } from '../../api/quality-types.ts';
import { topLevel, useFormSubmit } from '../../forms/use-form-submit.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { DefinitionDialog } from './definition-dialog.tsx';

interface RuleValues {
  id: string;
  name: string;
  /** The spec as JSON text: rules are data, and every kind has its own parameters (docs/quality.md). */
  spec: string;
}

/** Creates a rule (`rule` null) or replaces one with its next version. */
export function RuleDialog({
  rule,
  open,
  onClose,
  onSaved,
}: {
  rule: QualityRule | null;
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [form] = Form.useForm<RuleValues>();
  // `spec.maxSeconds` and the like are shown under the spec, naming the parameter.
  const submission = useFormSubmit<RuleValues>(
    form,
    async (values) => {
      let spec: Record<string, unknown>;
      try {
        spec = JSON.parse(values.spec);
      } catch {
        form.setFields([{ name: 'spec', errors: [t('quality.notJson')] }]);
        return false;
      }
      await api.saveQualityRule(values.id, { name: values.name, spec });
    },
    topLevel('id', 'name', 'spec'),
    onSaved,
  );

  const startFrom = useMemo(
    () =>
      rule
        ? { id: rule.id, name: rule.name, spec: JSON.stringify(rule.spec, null, 2) }
        : { id: '', name: '', spec: '{\n  "kind": "forbidden-phrases",\n  "phrases": []\n}' },
    [rule],
  );

  return (
    <DefinitionDialog
      name="rule"
      form={form}
      submission={submission}
      open={open}
      editing={!!rule}
      startFrom={startFrom}
      title={rule ? `${t('quality.editRule')} ${rule.id}` : t('quality.newRule')}
      idLabel={t('quality.ruleId')}
      idPlaceholder="slow-reply"
      nameLabel={t('quality.ruleName')}
      okText={t('quality.save')}
      onClose={onClose}
    >
      <Form.Item
        name="spec"
        label={t('quality.ruleSpec')}
        extra={t('quality.ruleSpecHint')}
        rules={[{ required: true }]}
      >
        <Input.TextArea rows={10} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
    </DefinitionDialog>
  );
}
