import { Alert, Card, Input, Space, Table, Tag } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { KnowledgeItem } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';

// ECharts is large and only this screen draws a chart: it loads when the chart first shows.
const CategoryChart = lazy(() => import('../category-chart.tsx'));

/** The published knowledge items (the current release), searchable by question, paraphrase or category. */
export function PublishedItems() {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [items, setItems] = useState<KnowledgeItem[]>();
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');

  useEffect(() => {
    api.knowledgeItems().then(setItems, () => setFailed(true));
  }, [api]);

  const shown = useMemo(() => (items ?? []).filter((item) => matches(item, query)), [items, query]);
  if (failed) return <Alert type="error" showIcon message={t('shell.loadFailed')} />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Input.Search
          allowClear
          placeholder={t('knowledge.search')}
          aria-label={t('knowledge.search')}
          onChange={(event) => setQuery(event.target.value)}
          style={{ marginBottom: 16, maxWidth: 480 }}
        />
        <Table<KnowledgeItem>
          rowKey="id"
          loading={!items}
          dataSource={shown}
          locale={{ emptyText: t('knowledge.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('knowledge.question'), dataIndex: ['content', 'question'] },
            {
              title: t('knowledge.similar'),
              render: (_, item) => item.content.similar.slice(0, 3).join(' / '),
            },
            { title: t('knowledge.category'), dataIndex: ['content', 'category'] },
            { title: t('knowledge.kind'), dataIndex: 'kind', render: (kind: string) => <Tag>{kind}</Tag> },
            { title: t('knowledge.language'), dataIndex: 'language' },
          ]}
        />
      </div>
      {items && items.length > 0 && (
        <Card title={t('knowledge.byCategory')}>
          <Suspense fallback={null}>
            <CategoryChart items={items} />
          </Suspense>
        </Card>
      )}
    </Space>
  );
}

function matches(item: KnowledgeItem, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  const { question, similar, category } = item.content;
  return [question, category, ...similar].some((text) => text.toLowerCase().includes(needle));
}
