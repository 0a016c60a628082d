import { Empty, Space, Table, Tag, Typography } from 'antd';
import type { FieldChange, ReleaseDiff } from '../../api/knowledge-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';

/** A release's (or a draft's) changes: items added and removed, and for each changed item every field before/after. */
export function DiffView({ diff }: { diff: ReleaseDiff }) {
  const { t } = useLanguage();
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('diff.none')} />;
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="diff-view">
      {diff.added.length > 0 && (
        <div>
          {t('diff.added')}:{' '}
          {diff.added.map((id) => (
            <Tag key={id} color="green">
              {id}
            </Tag>
          ))}
        </div>
      )}
      {diff.removed.length > 0 && (
        <div>
          {t('diff.removed')}:{' '}
          {diff.removed.map((id) => (
            <Tag key={id} color="red">
              {id}
            </Tag>
          ))}
        </div>
      )}
      {diff.changed.map(({ id, changes }) => (
        <div key={id}>
          <Typography.Text strong>
            {t('diff.changed')}: {id}
          </Typography.Text>
          <Table<FieldChange>
            size="small"
            rowKey="field"
            pagination={false}
            dataSource={changes}
            columns={[
              { title: t('diff.field'), dataIndex: 'field', width: 160 },
              { title: t('diff.before'), render: (_, change) => <Value value={change.before} kind="before" /> },
              { title: t('diff.after'), render: (_, change) => <Value value={change.after} kind="after" /> },
            ]}
          />
        </div>
      ))}
    </Space>
  );
}

function Value({ value, kind }: { value: unknown; kind: 'before' | 'after' }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text
      delete={kind === 'before'}
      type={kind === 'before' ? 'danger' : 'success'}
      style={{ whiteSpace: 'pre-wrap' }}
    >
      {display(value)}
    </Typography.Text>
  );
}

/** Lists one per line, an answer as its text and links, anything else as JSON. */
function display(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(display).join('\n');
  if (value && typeof value === 'object' && 'text' in value) {
    const { text, links = [] } = value as { text: string; links?: { title: string; url: string }[] };
    return [text, ...links.map((link) => `🔗 ${link.title} ${link.url}`)].join('\n');
  }
  return JSON.stringify(value);
}
