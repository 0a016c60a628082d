import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select, Space, Switch } from 'antd';
import { useMemo } from 'react';
import type { QualityRule, Scorecard, ScorecardChange } from '../../api/quality-types.ts';
import { useFormSubmit } from '../../forms/use-form-submit.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { DefinitionDialog } from './definition-dialog.tsx';

type ScorecardValues = ScorecardChange & { id: string };
const fields = ['id', 'name', 'items', 'isDefault', 'reviewBelow', 'samplePercent'];

/** Creates a scorecard (`scorecard` null) or replaces one: rules with weights, the default flag and review policy. */
export function ScorecardDialog({
  scorecard,
  rules,
  open,
  onClose,
  onSaved,
}: {
  scorecard: Scorecard | null;
  rules: readonly QualityRule[];
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [form] = Form.useForm<ScorecardValues>();
  // `items.0.ruleId` lands on the first item's rule; `items` itself (too few) on the list.
  const submission = useFormSubmit<ScorecardValues>(
    form,
    ({ id, ...change }) => api.saveScorecard(id, { ...change, items: change.items ?? [] }),
    (path) => (fields.includes(String(path[0])) ? path : undefined),
    onSaved,
  );

  const startFrom = useMemo<ScorecardValues>(
    () => scorecard ?? { id: '', name: '', items: [], isDefault: false, reviewBelow: 80, samplePercent: 5 },
    [scorecard],
  );

  return (
    <DefinitionDialog
      name="scorecard"
      form={form}
      submission={submission}
      open={open}
      editing={!!scorecard}
      startFrom={startFrom}
      title={scorecard ? `${t('quality.editScorecard')} ${scorecard.id}` : t('quality.newScorecard')}
      idLabel={t('quality.scorecardId')}
      idPlaceholder="strict"
      nameLabel={t('quality.scorecardName')}
      okText={t('quality.save')}
      onClose={onClose}
    >
      <Space size="large">
        <Form.Item name="isDefault" label={t('quality.isDefault')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="reviewBelow" label={t('quality.reviewBelow')}>
          <InputNumber min={0} max={100} precision={1} />
        </Form.Item>
        <Form.Item name="samplePercent" label={t('quality.samplePercent')}>
          <InputNumber min={0} max={100} precision={1} />
        </Form.Item>
      </Space>
      <Form.List name="items">
        {(items, { add, remove }, { errors }) => (
          <>
            {items.map((item) => (
              <Space key={item.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[item.name, 'ruleId']} rules={[{ required: true }]}>
                  <Select
                    aria-label={t('quality.rule')}
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 280 }}
                    options={rules.map((rule) => ({ value: rule.id, label: `${rule.name} (${rule.id})` }))}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'weight']} rules={[{ required: true }]}>
                  <InputNumber aria-label={t('quality.weight')} min={0.01} max={1000} precision={2} />
                </Form.Item>
                <MinusCircleOutlined aria-label={t('quality.remove')} onClick={() => remove(item.name)} />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ weight: 10 })}>
              {t('quality.addRule')}
            </Button>
          </>
        )}
      </Form.List>
    </DefinitionDialog>
  );
}
