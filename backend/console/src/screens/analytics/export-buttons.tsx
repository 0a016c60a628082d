import { DownloadOutlined } from '@ant-design/icons';
import { Button, message, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { AnalyticsExportFormat, AnalyticsFilter } from '../../api/analytics-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';

/** CSV and Excel downloads of the figures shown; the API audits each export before it answers. */
export function ExportButtons({ filter }: { filter: AnalyticsFilter }) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [running, setRunning] = useState<AnalyticsExportFormat>();

  async function download(format: AnalyticsExportFormat): Promise<void> {
    setRunning(format);
    try {
      const file = await api.exportAnalytics(filter, format);
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = `kefu-analytics-${filter.from.slice(0, 10)}-${filter.to.slice(0, 10)}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      void message.error(t('action.failed'));
    } finally {
      setRunning(undefined);
    }
  }

  return (
    <Tooltip title={t('analytics.exportHint')}>
      <Space>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button
            key={format}
            icon={<DownloadOutlined />}
            loading={running === format}
            onClick={() => void download(format)}
          >
            {`${t('analytics.export')} ${format === 'csv' ? 'CSV' : 'Excel'}`}
          </Button>
        ))}
      </Space>
    </Tooltip>
  );
}
