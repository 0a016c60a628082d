import { List, Space, Tag, Typography } from 'antd';
import type { QualityScore } from '../../api/quality-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';

/** Each rule of the scorecard: passed or not, its weight, and what it found (message number and evidence). */
export function RuleResults({ score }: { score: QualityScore }) {
  const { t } = useLanguage();
  const names = new Map(score.rules.map((rule) => [rule.id, rule.name]));
  return (
    <List
      size="small"
      data-testid="rule-results"
      dataSource={score.items}
      renderItem={(item) => (
        <List.Item data-rule={item.ruleId} data-passed={item.passed}>
          <Space direction="vertical" size={0}>
            <Space>
              <Tag color={item.passed ? 'green' : 'red'}>{t(item.passed ? 'quality.passed' : 'quality.failed')}</Tag>
              <Typography.Text strong>{names.get(item.ruleId) ?? item.ruleId}</Typography.Text>
              <Typography.Text type="secondary">
                {item.ruleId} · {t('quality.weight')} {item.weight}
              </Typography.Text>
            </Space>
            {item.findings.map((finding) => (
              <Typography.Text key={`${finding.seq}-${finding.evidence}`} type="secondary">
                {finding.seq === null ? '' : `#${finding.seq} `}
                {finding.evidence}
              </Typography.Text>
            ))}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The total that counts: the appeal's decision, else the reviewer's, else the automatic score. */
export function effectiveTotal(
  score: { total: number },
  review: { finalTotal: number | null; reviewedTotal: number | null } | null,
) {
  return review?.finalTotal ?? review?.reviewedTotal ?? score.total;
}
