import { Card, Statistic, Typography } from 'antd';

/** One figure of a dashboard: its name, its value, and what it counts (e.g. "812 / 4,390"). */
export function FigureCard({
  id,
  title,
  value,
  detail,
}: {
  id: string;
  title: string;
  value: string;
  detail?: string;
}) {
  return (
    <Card size="small" data-testid={`figure-${id}`}>
      <Statistic title={title} value={value} />
      {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
    </Card>
  );
}
