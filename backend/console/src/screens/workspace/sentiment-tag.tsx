import { Tag } from 'antd';
import type { Assistance } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

const colors: Record<string, string> = { anger: 'red', negative: 'orange', neutral: 'default', positive: 'green' };

/** The customer's mood in their last message, as the sentiment model reads it. */
export function SentimentTag({ sentiment }: { sentiment?: Assistance['sentiment'] }) {
  const { t } = useLanguage();
  const known = sentiment && sentiment.label in colors;
  const label = known ? t(`sentiment.${sentiment.label}` as MessageKey) : t('sentiment.unknown');
  return (
    <Tag data-testid="sentiment" color={known ? colors[sentiment.label] : undefined}>
      {t('sentiment.label')}: {label}
    </Tag>
  );
}
