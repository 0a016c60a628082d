import { Card, Col, Row, Space } from 'antd';
import { useMemo } from 'react';
import type { AnalyticsReport } from '../../api/analytics-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { FigureGrid } from './figure-grid.tsx';
import { LazyChart } from './lazy-chart.tsx';
import { rankedBars } from './ranked-chart.ts';
import { useFigureCards } from './use-figure-cards.tsx';

/** What the bot settles on its own, what it cannot answer, and which knowledge it uses or lacks. */
export function BotDashboard({ report }: { report: AnalyticsReport }) {
  const { t } = useLanguage();
  const cards = useFigureCards(report);
  const hits = useMemo(() => rankedBars(report.faq.hits, t('analytics.count')), [report, t]);
  const misses = useMemo(() => rankedBars(report.faq.misses, t('analytics.count')), [report, t]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <FigureGrid>{cards(['botResolution', 'unanswered', 'handoff', 'conversations'])}</FigureGrid>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('analytics.faqHits')}>
            <LazyChart option={hits} testId="chart-faq-hits" height={360} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('analytics.faqMisses')}>
            <LazyChart option={misses} testId="chart-faq-misses" height={360} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
