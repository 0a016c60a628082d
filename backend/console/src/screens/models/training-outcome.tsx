import { Tag, Tooltip } from 'antd';
import type { Training } from '../../api/knowledge-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

const colors: Record<Training['state'], string> = {
  queued: 'processing',
  activated: 'success',
  refused: 'warning',
  failed: 'error',
};

/** A retraining's outcome; the reason (why it was refused or failed) on hover. */
export function TrainingOutcome({ training }: { training: Training }) {
  const { t } = useLanguage();
  const tag = <Tag color={colors[training.state]}>{t(`training.state.${training.state}` as MessageKey)}</Tag>;
  return training.reason ? <Tooltip title={training.reason}>{tag}</Tooltip> : tag;
}

/** Held-out accuracy as a percentage, or a dash before it is known. */
export function percent(value: number | undefined): string {
  return value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}
