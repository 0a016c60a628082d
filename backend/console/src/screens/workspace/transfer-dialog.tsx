import { Form, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { RoutingAgent, RoutingGroup } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';

/** Transfer to a group (back into its queue) or to an agent who is online or busy with room. */
export function TransferDialog({
  conversationId,
  open,
  onCancel,
  onTransferred,
}: {
  conversationId: string;
  open: boolean;
  onCancel(): void;
  onTransferred(): void;
}) {
  const { t } = useLanguage();
  const { api, staff } = useStaff();
  const [kind, setKind] = useState<'group' | 'agent'>('group');
  const [target, setTarget] = useState<string>();
  const [groups, setGroups] = useState<RoutingGroup[]>([]);
  const [agents, setAgents] = useState<RoutingAgent[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    void api.routingGroups().then(setGroups, () => setGroups([]));
    void api.routingAgents().then(setAgents, () => setAgents([]));
  }, [api, open]);

  const options =
    kind === 'group'
      ? groups.map((group) => ({ value: group.id, label: group.name }))
      : agents
          .filter((agent) => agent.agentId !== staff.id)
          .map((agent) => ({
            value: agent.agentId,
            label: `${agent.displayName} · ${t(`presence.${agent.presence}`)} ${agent.active}/${agent.capacity}`,
            disabled: agent.presence === 'away' || agent.presence === 'offline' || agent.active >= agent.capacity,
          }));

  async function submit() {
    if (!target) return;
    setBusy(true);
    try {
      await api.transfer(conversationId, kind === 'group' ? { groupId: target } : { agentId: target });
      onTransferred();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('action.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={t('transfer.title')}
      open={open}
      okText={t('transfer.button')}
      cancelText={t('action.cancel')}
      okButtonProps={{ disabled: !target, loading: busy }}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item>
          <Radio.Group
            value={kind}
            onChange={(event) => {
              setKind(event.target.value);
              setTarget(undefined);
            }}
          >
            <Radio.Button value="group">{t('transfer.toGroup')}</Radio.Button>
            <Radio.Button value="agent">{t('transfer.toAgent')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('transfer.target')} validateStatus={error ? 'error' : undefined} help={error}>
          <Select
            aria-label={t('transfer.target')}
            data-testid="transfer-target"
            value={target}
            options={options}
            onChange={(value) => {
              setTarget(value);
              setError(undefined);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
