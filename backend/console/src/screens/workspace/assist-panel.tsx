import { Button, Card, List, Typography } from 'antd';
import type { Assistance } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';

/** The top three published answers for the customer's last message; one click puts one in the reply box. */
export function AssistPanel({ assistance, onInsert }: { assistance?: Assistance; onInsert(answer: string): void }) {
  const { t } = useLanguage();
  return (
    <Card
      title={t('assist.title')}
      size="small"
      extra={<Typography.Text type="secondary">{t('assist.insertHint')}</Typography.Text>}
    >
      <List
        data-testid="assist-suggestions"
        dataSource={assistance?.suggestions ?? []}
        locale={{ emptyText: t('assist.empty') }}
        renderItem={(suggestion, index) => (
          <List.Item
            actions={[
              <Button
                key="insert"
                size="small"
                aria-label={`${t('assist.insert')} ${index + 1}`}
                onClick={() => onInsert(suggestion.answer)}
              >
                {t('assist.insert')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={`${index + 1}. ${suggestion.question}`}
              description={
                <Typography.Paragraph ellipsis={{ rows: 3, tooltip: suggestion.answer }} style={{ marginBottom: 0 }}>
                  {suggestion.answer}
                </Typography.Paragraph>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
