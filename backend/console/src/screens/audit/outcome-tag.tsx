import { Tag } from 'antd';
import { useLanguage } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

const colors: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' };

export function outcomeKey(outcome: string): MessageKey {
  return outcome === 'failure' || outcome === 'denied' ? `outcome.${outcome}` : 'outcome.success';
}

export function OutcomeTag({ outcome }: { outcome: string }) {
  const { t } = useLanguage();
  return <Tag color={colors[outcome]}>{outcome in colors ? t(outcomeKey(outcome)) : outcome}</Tag>;
}
