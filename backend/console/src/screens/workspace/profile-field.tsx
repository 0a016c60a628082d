import { Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { Permission } from '../../../../src/common/access/permission.ts';
import type { ProfileField } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';

/** The API refuses shorter reasons (RevealPersonalDataRequest). */
const REASON_MIN_LENGTH = 10;

/**
 * One personal field of a customer profile: masked as the API returns it. Whoever may reveal (personal-data.reveal)
 * can ask for it in full with a reason; the API writes the audit record before it answers, and the full value lives
 * only in this component's state until the panel closes.
 */
export function ProfileFieldValue({
  profileId,
  field,
  masked,
}: {
  profileId: string;
  field: ProfileField;
  masked: string | null;
}) {
  const { t } = useLanguage();
  const { api, staff } = useStaff();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [revealed, setRevealed] = useState<string>();
  const [failed, setFailed] = useState(false);
  if (masked === null) return <>—</>;
  if (revealed !== undefined) {
    return (
      <Space>
        <Typography.Text>{revealed}</Typography.Text>
        <Typography.Text type="secondary">{t('customer.revealed')}</Typography.Text>
      </Space>
    );
  }
  const mayReveal = staff.permissions.includes(Permission.PersonalDataReveal);
  return (
    <Space>
      <Typography.Text>{masked}</Typography.Text>
      {mayReveal && (
        <Button size="small" type="link" onClick={() => setAsking(true)}>
          {t('customer.reveal')}
        </Button>
      )}
      <Modal
        title={t('customer.revealReason')}
        open={asking}
        okButtonProps={{ disabled: reason.trim().length < REASON_MIN_LENGTH }}
        okText={t('customer.reveal')}
        cancelText={t('action.cancel')}
        onCancel={() => setAsking(false)}
        onOk={() =>
          void api.reveal(profileId, field, reason.trim()).then(
            ({ value }) => {
              setRevealed(value);
              setAsking(false);
            },
            () => setFailed(true),
          )
        }
      >
        <Input.TextArea
          aria-label={t('customer.revealReason')}
          value={reason}
          status={failed ? 'error' : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
    </Space>
  );
}
