import { Select } from 'antd';
import { type Presence, presences } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';

/** Online gets new conversations; busy keeps what it has; away and offline get none. */
export function PresenceSwitch({ presence, onChanged }: { presence: Presence; onChanged(): void }) {
  const { t } = useLanguage();
  const { api } = useStaff();
  return (
    <Select<Presence>
      aria-label={t('workspace.presence')}
      data-testid="presence-switch"
      value={presence}
      style={{ width: 110 }}
      options={presences.map((value) => ({ value, label: t(`presence.${value}`) }))}
      onChange={(next) => void api.setPresence(next).then(onChanged)}
    />
  );
}
