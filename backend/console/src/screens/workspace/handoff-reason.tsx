import { Tag } from 'antd';
import { useLanguage } from '../../i18n/language-context.tsx';
import { type MessageKey, messages } from '../../i18n/messages.ts';

/** Why the bot handed the conversation over, in the console's language (the raw code if it is a new one). */
export function HandoffReason({ reason }: { reason: string }) {
  const { t } = useLanguage();
  const key = `handoff.${reason}`;
  return <Tag>{key in messages['zh-CN'] ? t(key as MessageKey) : reason}</Tag>;
}
