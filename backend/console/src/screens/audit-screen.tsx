import { Space } from 'antd';
import { useState } from 'react';
import { AuditSearch } from './audit/audit-search.tsx';
import { ChainStatus } from './audit/chain-status.tsx';
import { ExportRange, type SeqRange } from './audit/export-range.tsx';
import { UploadVerify } from './audit/upload-verify.tsx';

/**
 * The compliance officer's view (auditor role): the chain's status, search with event details, a signed export of a
 * range and the check of an export file. Nothing here changes data; exports and verifications are themselves audited.
 */
export default function AuditScreen() {
  const [range, setRange] = useState<SeqRange>({});
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ChainStatus />
      <AuditSearch onExportRange={setRange} />
      <ExportRange range={range} onRangeChange={setRange} />
      <UploadVerify />
    </Space>
  );
}
