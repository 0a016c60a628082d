import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/kefu-api.ts';
import type { RowViolation, SpreadsheetFormat } from '../../api/knowledge-types.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { ApiErrorAlert } from '../api-error-alert.tsx';

type Outcome = { imported: number } | { rows: readonly RowViolation[] } | { error: unknown };

/** Bulk import from the template's layout: every row a draft, or nothing and every bad row with its reason. */
export function ImportTab() {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [submit, setSubmit] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  async function upload(file: File) {
    setBusy(true);
    setOutcome(undefined);
    try {
      const format: SpreadsheetFormat = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const { draftIds } = await api.importKnowledge(file, format, submit);
      setOutcome({ imported: draftIds.length });
    } catch (failure) {
      setOutcome(failure instanceof ApiError && failure.rows ? { rows: failure.rows } : { error: failure });
    } finally {
      setBusy(false);
    }
  }

  async function download(format: SpreadsheetFormat) {
    const url = URL.createObjectURL(await api.knowledgeTemplate(format));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: `kefu-knowledge-template.${format}`,
    });
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={5}>{t('import.title')}</Typography.Title>
      <Typography.Text type="secondary">{t('import.hint')}</Typography.Text>
      <Space wrap>
        {(['xlsx', 'csv'] as const).map((format) => (
          <Button key={format} icon={<DownloadOutlined />} onClick={() => void download(format)}>
            {t('import.template')} (.{format})
          </Button>
        ))}
      </Space>
      <Checkbox checked={submit} onChange={(event) => setSubmit(event.target.checked)}>
        {t('import.submitAtOnce')}
      </Checkbox>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button type="primary" icon={<UploadOutlined />} loading={busy}>
          {t('import.choose')}
        </Button>
      </Upload>
      {outcome && 'imported' in outcome && (
        <Alert type="success" showIcon message={fillIn(t('import.done'), { count: outcome.imported })} />
      )}
      {outcome && 'error' in outcome && <ApiErrorAlert error={outcome.error} />}
      {outcome && 'rows' in outcome && (
        <div data-testid="import-row-errors">
          <Alert type="error" showIcon message={t('import.rejected')} style={{ marginBottom: 8 }} />
          <Table<RowViolation>
            size="small"
            rowKey={(violation) => `${violation.row}:${violation.column}:${violation.reason}`}
            dataSource={[...outcome.rows]}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 80 },
              { title: t('import.column'), dataIndex: 'column', width: 160 },
              { title: t('import.reason'), dataIndex: 'reason' },
            ]}
          />
        </div>
      )}
    </Space>
  );
}
