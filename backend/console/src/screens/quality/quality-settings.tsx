import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { QualityRule, Scorecard } from '../../api/quality-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { RuleDialog } from './rule-dialog.tsx';
import { ScorecardDialog } from './scorecard-dialog.tsx';
import { useLoaded } from './use-loaded.ts';

/** Editing state of a dialog: closed, a new one (null), or an existing one. */
type Editing<T> = { open: false } | { open: true; value: T | null };

/** Inspection rules (质检规则) and scorecards (评分卡) as data; every save is audited by the API. */
export function QualitySettings() {
  const { t } = useLanguage();
  const { api } = useStaff();
  const { data, failed, reload } = useLoaded(() => Promise.all([api.qualityRules(), api.scorecards()]), 'settings');
  const [rules, scorecards] = data ?? [[], []];
  const [rule, setRule] = useState<Editing<QualityRule>>({ open: false });
  const [scorecard, setScorecard] = useState<Editing<Scorecard>>({ open: false });
  const saved = () => {
    setRule({ open: false });
    setScorecard({ open: false });
    reload();
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {failed && <Alert type="error" showIcon message={t('shell.loadFailed')} />}
      <Card
        title={t('quality.rules')}
        extra={<Button onClick={() => setRule({ open: true, value: null })}>{t('quality.newRule')}</Button>}
      >
        <Table<QualityRule>
          rowKey="id"
          loading={!data && !failed}
          dataSource={rules}
          data-testid="quality-rules"
          pagination={false}
          columns={[
            { title: t('quality.ruleId'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
            { title: t('quality.ruleName'), dataIndex: 'name' },
            { title: t('quality.kind'), key: 'kind', render: (_, item) => <Tag>{String(item.spec.kind)}</Tag> },
            { title: t('quality.version'), dataIndex: 'version' },
            {
              key: 'edit',
              render: (_, item) => (
                <Button type="link" onClick={() => setRule({ open: true, value: item })}>
                  {t('quality.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('quality.scorecards')}
        extra={<Button onClick={() => setScorecard({ open: true, value: null })}>{t('quality.newScorecard')}</Button>}
      >
        <Table<Scorecard>
          rowKey="id"
          loading={!data && !failed}
          dataSource={scorecards}
          data-testid="quality-scorecards"
          pagination={false}
          columns={[
            { title: t('quality.scorecardId'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
            { title: t('quality.scorecardName'), dataIndex: 'name' },
            {
              title: t('quality.isDefault'),
              dataIndex: 'isDefault',
              render: (isDefault: boolean) => isDefault && <Tag color="blue">{t('quality.default')}</Tag>,
            },
            {
              title: t('quality.rules'),
              dataIndex: 'items',
              render: (items: Scorecard['items']) => items.map((item) => `${item.ruleId} ${item.weight}`).join(' · '),
            },
            { title: t('quality.reviewBelow'), dataIndex: 'reviewBelow' },
            { title: t('quality.samplePercent'), dataIndex: 'samplePercent' },
            { title: t('quality.version'), dataIndex: 'version' },
            {
              key: 'edit',
              render: (_, item) => (
                <Button type="link" onClick={() => setScorecard({ open: true, value: item })}>
                  {t('quality.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <RuleDialog
        open={rule.open}
        rule={rule.open ? rule.value : null}
        onClose={() => setRule({ open: false })}
        onSaved={saved}
      />
      <ScorecardDialog
        open={scorecard.open}
        scorecard={scorecard.open ? scorecard.value : null}
        rules={rules}
        onClose={() => setScorecard({ open: false })}
        onSaved={saved}
      />
    </Space>
  );
}
