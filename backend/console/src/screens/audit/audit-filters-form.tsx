import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { allAuditActions } from '../../../../src/modules/audit/audit-action.ts';
import { allAuditOutcomes } from '../../../../src/modules/audit/audit-outcome.ts';
import type { AuditFilters } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { outcomeKey } from './outcome-tag.tsx';

/** A picked moment (Ant Design's date pickers hand over dayjs objects). */
type Moment = { toISOString(): string } | null;

interface FilterValues {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  range?: [Moment, Moment] | null;
}

/** Actor, action, target, outcome and time range; the search runs when submitted. */
export function AuditFiltersForm({ onSearch }: { onSearch(filters: AuditFilters): void }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<FilterValues>();
  const submit = ({ range, ...values }: FilterValues) =>
    onSearch({
      ...Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value?.trim() || undefined])),
      from: range?.[0]?.toISOString(),
      to: range?.[1]?.toISOString(),
    });
  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="actorId" label={t('audit.actor')}>
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          showSearch
          style={{ width: 220 }}
          options={allAuditActions.map((action) => ({ value: action, label: action }))}
        />
      </Form.Item>
      <Form.Item name="targetType" label={t('audit.targetType')}>
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="targetId" label={t('audit.targetId')}>
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.outcome')}>
        <Select
          allowClear
          style={{ width: 120 }}
          options={allAuditOutcomes.map((outcome) => ({ value: outcome, label: t(outcomeKey(outcome)) }))}
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.timeRange')}>
        <DatePicker.RangePicker
          showTime
          allowEmpty={[true, true]}
          placeholder={[t('audit.timeFrom'), t('audit.timeTo')]}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('audit.find')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              form.submit();
            }}
          >
            {t('audit.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
