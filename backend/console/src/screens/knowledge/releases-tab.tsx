import { Button, message, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Permission } from '../../../../src/common/access/permission.ts';
import type { Release, ReleaseSummary } from '../../api/knowledge-types.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { ApiErrorAlert } from '../api-error-alert.tsx';
import { percent, TrainingOutcome } from '../models/training-outcome.tsx';
import { DiffView } from './diff-view.tsx';

/** Published versions, newest first: each one's diff and retraining on expanding it, and rollback for approvers. */
export function ReleasesTab() {
  const { t, language } = useLanguage();
  const { api, staff } = useStaff();
  const [releases, setReleases] = useState<ReleaseSummary[]>();
  const [error, setError] = useState<unknown>();
  const canApprove = staff.permissions.includes(Permission.KnowledgeApprove);

  const load = useCallback(async () => {
    try {
      setReleases(await api.knowledgeReleases());
    } catch (failure) {
      setError(failure);
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  async function rollback(number: number) {
    setError(undefined);
    try {
      const release = await api.rollbackRelease(number);
      void message.success(fillIn(t('release.rolledBack'), { number: release.number }));
      await load();
    } catch (failure) {
      setError(failure);
    }
  }

  const newest = releases?.[0]?.number;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ApiErrorAlert error={error} />
      <Table<ReleaseSummary>
        rowKey="number"
        size="small"
        loading={!releases}
        dataSource={releases ?? []}
        locale={{ emptyText: t('release.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (release) => <ReleaseDetail number={release.number} /> }}
        columns={[
          { title: t('release.number'), dataIndex: 'number', width: 80 },
          {
            title: t('release.publishedAt'),
            dataIndex: 'publishedAt',
            render: (at: string) => new Date(at).toLocaleString(language),
          },
          { title: t('release.publishedBy'), dataIndex: 'publishedBy' },
          {
            title: t('release.note'),
            render: (_, release) => (
              <Space>
                {release.note}
                {release.rollbackOf !== null && (
                  <Tag>{fillIn(t('release.rollbackOf'), { number: release.rollbackOf })}</Tag>
                )}
              </Space>
            ),
          },
          { title: t('release.items'), dataIndex: 'items', width: 90 },
          {
            title: '',
            render: (_, release) =>
              canApprove &&
              release.number !== newest && (
                <Popconfirm
                  title={fillIn(t('release.rollbackConfirm'), { number: release.number })}
                  okText={t('action.confirm')}
                  cancelText={t('action.cancel')}
                  onConfirm={() => rollback(release.number)}
                >
                  <Button size="small">{t('release.rollback')}</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Space>
  );
}

function ReleaseDetail({ number }: { number: number }) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [release, setRelease] = useState<Release>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api.knowledgeRelease(number).then(setRelease, setError);
  }, [api, number]);
  if (error) return <ApiErrorAlert error={error} />;
  if (!release) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <DiffView diff={release.diff} />
      {release.trainings.length > 0 && (
        <Space wrap>
          <Typography.Text strong>{t('release.trainings')}:</Typography.Text>
          {release.trainings.map((training) => (
            <Space key={training.language}>
              {training.language}
              <TrainingOutcome training={training} />
              {`${t('training.candidate')} ${percent(training.metrics.candidateAccuracy)} / ${t('training.live')} ${percent(training.metrics.liveAccuracy)}`}
            </Space>
          ))}
        </Space>
      )}
    </Space>
  );
}
