import { Card, Table } from 'antd';
import type { ModelStatus } from '../../api/model-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';

/** The versions answering customers now, with the metrics their packages were built with. */
export function LiveModels({ models }: { models: ModelStatus[] | undefined }) {
  const { t } = useLanguage();
  return (
    <Card title={t('models.live')}>
      <Table<ModelStatus>
        rowKey="name"
        size="small"
        loading={!models}
        dataSource={models ?? []}
        pagination={false}
        data-testid="live-models"
        columns={[
          { title: t('models.name'), dataIndex: 'name' },
          { title: t('models.version'), dataIndex: 'version' },
          { title: t('models.task'), dataIndex: 'task' },
          { title: t('models.previous'), dataIndex: 'previousVersion' },
          {
            title: t('models.metrics'),
            render: (_, model) =>
              Object.entries(model.metrics)
                .map(([name, value]) => `${name} ${Number.isInteger(value) ? value : value.toFixed(3)}`)
                .join(' · '),
          },
        ]}
      />
    </Card>
  );
}
