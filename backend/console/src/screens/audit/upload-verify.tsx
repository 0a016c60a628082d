import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ExportVerification } from '../../api/kefu-api.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';

/** Sends a chosen export file to the server's check (the same as `kefu audit verify-export`) and shows the verdict. */
export function UploadVerify() {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [result, setResult] = useState<ExportVerification>();
  const [state, setState] = useState<'idle' | 'running' | 'failed'>('idle');

  async function check(file: Blob): Promise<void> {
    setState('running');
    setResult(undefined);
    try {
      setResult(await api.verifyAuditExport(file));
      setState('idle');
    } catch {
      setState('failed');
    }
  }

  return (
    <Card title={t('upload.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('upload.hint')}</Typography.Text>
        <Upload
          accept=".jsonl,.csv,.ndjson,application/x-ndjson,text/csv"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={state === 'running'}>
            {t('upload.choose')}
          </Button>
        </Upload>
        <div data-testid="export-verification" data-state={result ? (result.ok ? 'verified' : 'broken') : 'unknown'}>
          {state === 'failed' && <Alert type="error" showIcon message={t('action.failed')} />}
          {result && <Verdict result={result} />}
        </div>
      </Space>
    </Card>
  );
}

function Verdict({ result }: { result: ExportVerification }) {
  const { t } = useLanguage();
  const key = result.key_id ?? '?';
  if (!result.ok) {
    const where = result.first_bad_seq === null ? '' : fillIn(t('upload.badSeq'), { seq: result.first_bad_seq });
    return <Alert type="error" showIcon message={fillIn(t('upload.bad'), { reason: result.reason ?? '' }) + where} />;
  }
  if (!result.signed_by_this_installation)
    return <Alert type="warning" showIcon message={fillIn(t('upload.foreignKey'), { key })} />;
  return <Alert type="success" showIcon message={fillIn(t('upload.ok'), { checked: result.checked, key })} />;
}
