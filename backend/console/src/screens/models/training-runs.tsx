import { Button, Card, Progress, Table, Typography } from 'antd';
import { useState } from 'react';
import { Permission } from '../../../../src/common/access/permission.ts';
import type { TrainingRun } from '../../api/knowledge-types.ts';
import type { ModelStatus } from '../../api/model-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { usePolling } from '../../shell/use-polling.ts';
import { percent, TrainingOutcome } from './training-outcome.tsx';

/** While a run is training its bar moves quickly; otherwise a slow look for runs a new publish started. */
const TRAINING_POLL_MS = 1500;
const IDLE_POLL_MS = 10_000;

/**
 * The retrainings publishing started: a progress bar while they run, then the candidate's held-out accuracy next to
 * the live model's. A candidate that did not go live by itself can be proposed for activation from here.
 */
export function TrainingRuns({
  models,
  onPropose,
  onFinished,
}: {
  models: ModelStatus[] | undefined;
  onPropose(model: string, packageName: string): void;
  onFinished(): void;
}) {
  const { t } = useLanguage();
  const { api, staff } = useStaff();
  const [runs, setRuns] = useState<TrainingRun[]>();
  const training = runs?.some((run) => run.state === 'queued') ?? false;

  usePolling(
    async () => {
      const next = await api.trainingRuns();
      if (training && !next.some((run) => run.state === 'queued')) onFinished();
      setRuns(next);
    },
    training ? TRAINING_POLL_MS : IDLE_POLL_MS,
    api,
  );

  const liveVersion = (language: string) => models?.find((model) => model.name === `kb-${language}`)?.version;
  const canPropose = staff.permissions.includes(Permission.ModelsTrain);
  return (
    <Card title={t('training.title')}>
      <Table<TrainingRun>
        rowKey="jobId"
        size="small"
        loading={!runs}
        dataSource={runs ?? []}
        locale={{ emptyText: t('training.empty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="training-runs"
        columns={[
          { title: t('training.release'), dataIndex: 'releaseNumber', width: 90 },
          { title: t('training.language'), dataIndex: 'language', width: 70 },
          {
            title: t('training.progress'),
            width: 220,
            render: (_, run) => (
              <Progress
                percent={run.progress}
                size="small"
                status={run.state === 'failed' ? 'exception' : run.state === 'queued' ? 'active' : 'normal'}
                aria-label={run.progressNote ?? undefined}
              />
            ),
          },
          { title: t('training.state'), render: (_, run) => <TrainingOutcome training={run} /> },
          {
            title: t('training.candidate'),
            render: (_, run) => (
              <Typography.Text
                type={(run.metrics.candidateAccuracy ?? 0) < (run.metrics.liveAccuracy ?? 0) ? 'danger' : undefined}
              >
                {percent(run.metrics.candidateAccuracy)}
              </Typography.Text>
            ),
          },
          { title: t('training.live'), render: (_, run) => percent(run.metrics.liveAccuracy) },
          { title: t('training.heldOut'), render: (_, run) => run.metrics.heldOutQuestions ?? '—' },
          { title: t('training.package'), dataIndex: 'package' },
          {
            title: '',
            render: (_, run) =>
              canPropose &&
              run.package &&
              liveVersion(run.language) !== `release-${run.releaseNumber}` && (
                <Button size="small" onClick={() => onPropose(`kb-${run.language}`, run.package as string)}>
                  {t('proposal.propose')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
