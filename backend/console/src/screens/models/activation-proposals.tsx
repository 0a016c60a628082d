import { Button, Card, Input, Modal, message, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Permission } from '../../../../src/common/access/permission.ts';
import type { ActivationProposal, ProposalState } from '../../api/model-types.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useStaff } from '../../shell/staff-context.tsx';
import { ApiErrorAlert } from '../api-error-alert.tsx';

const stateColors: Record<ProposalState, string> = { pending: 'processing', approved: 'success', rejected: 'default' };

/**
 * Maker-checker for models: pending proposals are approved (which activates the package) or rejected by someone
 * holding models.activate. The API refuses the proposer's own approval (self_approval), shown as the four-eyes rule.
 */
export function ActivationProposals({ refreshKey, onActivated }: { refreshKey: number; onActivated(): void }) {
  const { t, language } = useLanguage();
  const { api, staff } = useStaff();
  const [proposals, setProposals] = useState<ActivationProposal[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const [rejecting, setRejecting] = useState<ActivationProposal>();
  const [reason, setReason] = useState('');
  const canDecide = staff.permissions.includes(Permission.ModelsActivate);

  const load = useCallback(async () => {
    try {
      setProposals(await api.activationProposals());
    } catch (failure) {
      setError(failure);
    }
  }, [api]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refreshKey` reloads after a proposal elsewhere.
  useEffect(() => void load(), [load, refreshKey]);

  async function decide(id: string, action: () => Promise<string>) {
    setBusy(id);
    setError(undefined);
    try {
      void message.success(await action());
      await load();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  }
  const approve = (proposal: ActivationProposal) =>
    decide(proposal.id, async () => {
      const { serving } = await api.approveActivation(proposal.id);
      onActivated();
      return fillIn(t('proposal.approved'), { model: serving.name, version: serving.version });
    });
  const reject = (proposal: ActivationProposal) =>
    decide(proposal.id, async () => {
      await api.rejectActivation(proposal.id, reason.trim());
      setRejecting(undefined);
      return t('proposal.rejected');
    });

  return (
    <Card title={t('proposal.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('proposal.hint')}</Typography.Text>
        <ApiErrorAlert error={error} />
        <Table<ActivationProposal>
          rowKey="id"
          size="small"
          loading={!proposals}
          dataSource={proposals ?? []}
          locale={{ emptyText: t('proposal.empty') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="activation-proposals"
          columns={[
            { title: t('proposal.model'), dataIndex: 'model' },
            { title: t('proposal.package'), dataIndex: 'package' },
            { title: t('proposal.remark'), dataIndex: 'note' },
            { title: t('proposal.proposedBy'), render: (_, p) => p.proposedByName ?? p.proposedBy },
            {
              title: t('proposal.state'),
              render: (_, p) => <Tag color={stateColors[p.state]}>{t(`proposal.state.${p.state}` as MessageKey)}</Tag>,
            },
            {
              title: t('proposal.createdAt'),
              dataIndex: 'createdAt',
              render: (at: string) => new Date(at).toLocaleString(language),
            },
            {
              title: '',
              render: (_, p) =>
                canDecide &&
                p.state === 'pending' && (
                  <Space>
                    <Button size="small" type="primary" loading={busy === p.id} onClick={() => void approve(p)}>
                      {t('proposal.approve')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => {
                        setReason('');
                        setRejecting(p);
                      }}
                    >
                      {t('proposal.reject')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Space>
      <Modal
        title={t('proposal.reject')}
        open={Boolean(rejecting)}
        onCancel={() => setRejecting(undefined)}
        onOk={() => rejecting && void reject(rejecting)}
        okButtonProps={{ disabled: !reason.trim() }}
        okText={t('proposal.reject')}
        cancelText={t('action.cancel')}
      >
        <Input.TextArea
          aria-label={t('proposal.reason')}
          placeholder={t('proposal.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
    </Card>
  );
}
