import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, InputNumber, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { AuditExportFormat } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';

export interface SeqRange {
  fromSeq?: number;
  toSeq?: number;
}

/** Downloads a signed export of a sequence range, exactly as the API sent it (its signature covers every byte). */
export function ExportRange({ range, onRangeChange }: { range: SeqRange; onRangeChange(range: SeqRange): void }) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [format, setFormat] = useState<AuditExportFormat>('jsonl');
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');

  async function download(): Promise<void> {
    setState('running');
    try {
      const file = await api.exportAudit(range, format);
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = `kefu-audit-${range.fromSeq ?? 'first'}-${range.toSeq ?? 'last'}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState('done');
    } catch {
      setState('failed');
    }
  }

  const seq = (value: number | null) => value ?? undefined;
  return (
    <Card title={t('export.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('export.hint')}</Typography.Text>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('export.from')} htmlFor="audit-export-from">
            <InputNumber
              id="audit-export-from"
              min={1}
              precision={0}
              value={range.fromSeq ?? null}
              onChange={(value) => onRangeChange({ ...range, fromSeq: seq(value) })}
            />
          </Form.Item>
          <Form.Item label={t('export.to')} htmlFor="audit-export-to">
            <InputNumber
              id="audit-export-to"
              min={1}
              precision={0}
              value={range.toSeq ?? null}
              onChange={(value) => onRangeChange({ ...range, toSeq: seq(value) })}
            />
          </Form.Item>
          <Form.Item label={t('export.format')}>
            <Radio.Group
              value={format}
              onChange={(event) => setFormat(event.target.value)}
              options={[
                { value: 'jsonl', label: 'JSON Lines' },
                { value: 'csv', label: 'CSV' },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              loading={state === 'running'}
              onClick={() => void download()}
            >
              {t('export.button')}
            </Button>
          </Form.Item>
        </Form>
        {state === 'done' && <Alert type="success" showIcon message={t('export.done')} />}
        {state === 'failed' && <Alert type="error" showIcon message={t('action.failed')} />}
      </Space>
    </Card>
  );
}
