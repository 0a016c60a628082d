import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useState } from 'react';
import type { ChainVerification } from '../../api/kefu-api.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';

/** "Verified up to sequence N at time T" in green, or the first bad sequence and why in red; the button re-checks. */
export function ChainStatus() {
  const { t, language } = useLanguage();
  const { api } = useStaff();
  const [result, setResult] = useState<ChainVerification>();
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState(false);

  async function run(): Promise<void> {
    setRunning(true);
    setFailed(false);
    try {
      setResult(await api.verifyAuditTrail());
    } catch {
      setFailed(true);
    } finally {
      setRunning(false);
    }
  }

  const time = result && new Date(result.verified_at).toLocaleString(language);
  return (
    <Card
      title={t('chain.title')}
      extra={
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={running} onClick={() => void run()}>
          {t('chain.run')}
        </Button>
      }
    >
      <div data-testid="chain-status" data-state={result ? (result.ok ? 'verified' : 'broken') : 'unknown'}>
        {failed ? (
          <Alert type="warning" showIcon message={t('action.failed')} />
        ) : !result ? (
          <Alert type="info" showIcon message={t('chain.unknown')} />
        ) : result.ok ? (
          <Alert
            type="success"
            showIcon
            message={fillIn(t('chain.verified'), {
              seq: result.verified_up_to_seq ?? result.checked,
              time: time ?? '',
            })}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            message={fillIn(t('chain.broken'), {
              seq: result.first_bad_seq ?? '?',
              reason: result.reason ?? '',
              time: time ?? '',
            })}
          />
        )}
      </div>
    </Card>
  );
}
