import { Button, message, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Permission } from '../../../src/common/access/permission.ts';
import type { ModelStatus } from '../api/model-types.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { useStaff } from '../shell/staff-context.tsx';
import { ActivationProposals } from './models/activation-proposals.tsx';
import { LiveModels } from './models/live-models.tsx';
import { type ProposalDraft, ProposeDialog } from './models/propose-dialog.tsx';
import { TrainingRuns } from './models/training-runs.tsx';

/**
 * The trainer's view: the live models, the retrainings publishing started (progress, candidate against live), and
 * activation by a second person: a trainer proposes a package, someone else with models.activate approves it.
 */
export default function ModelsScreen() {
  const { t } = useLanguage();
  const { api, staff } = useStaff();
  const [models, setModels] = useState<ModelStatus[]>();
  const [proposing, setProposing] = useState<ProposalDraft>();
  const [proposals, setProposals] = useState(0);

  const loadModels = useCallback(() => api.models().then(setModels, () => setModels([])), [api]);
  useEffect(() => void loadModels(), [loadModels]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {staff.permissions.includes(Permission.ModelsTrain) && (
        <Button type="primary" onClick={() => setProposing({ model: 'kb-zh', package: '' })}>
          {t('proposal.propose')}
        </Button>
      )}
      <LiveModels models={models} />
      <TrainingRuns
        models={models}
        onPropose={(model, packageName) => setProposing({ model, package: packageName })}
        onFinished={() => void loadModels()}
      />
      <ActivationProposals refreshKey={proposals} onActivated={() => void loadModels()} />
      <ProposeDialog
        start={proposing}
        onCancel={() => setProposing(undefined)}
        onProposed={() => {
          setProposing(undefined);
          setProposals((count) => count + 1);
          void message.success(t('proposal.proposed'));
        }}
      />
    </Space>
  );
}
