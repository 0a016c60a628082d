import { Space, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { maskPersonalDataInText } from '../../../../src/common/personal-data/personal-data-scanner.ts';
import type { ChatMessage } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';

const align: Record<ChatMessage['sender'], 'flex-start' | 'flex-end' | 'center'> = {
  visitor: 'flex-start',
  bot: 'flex-end',
  agent: 'flex-end',
  system: 'center',
};

const background: Record<ChatMessage['sender'], string> = {
  visitor: '#f0f0f0',
  bot: '#f6ffed',
  agent: '#e6f4ff',
  system: 'transparent',
};

/**
 * The conversation so far, the bot's turns and what it suggested included. Customers type card, ID and phone numbers
 * into chats and the transcript API returns text as written, so every identifier is masked here before it is shown.
 */
export function TranscriptList({ messages }: { messages: readonly ChatMessage[] }) {
  const { t } = useLanguage();
  const end = useRef<HTMLLIElement>(null);
  const last = messages.at(-1)?.seq;
  useEffect(() => {
    if (last !== undefined) end.current?.scrollIntoView?.({ block: 'end' });
  }, [last]);
  return (
    <ol
      data-testid="transcript"
      aria-live="polite"
      style={{ listStyle: 'none', margin: 0, padding: 8, height: 420, overflowY: 'auto' }}
    >
      {messages.map((message) => (
        <li
          key={message.seq}
          data-seq={message.seq}
          className={`transcript-${message.sender}`}
          style={{ display: 'flex', flexDirection: 'column', alignItems: align[message.sender], marginBottom: 10 }}
        >
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`sender.${message.sender}`)}
            {message.sender === 'bot' && ` · ${message.kind}`} · {new Date(message.createdAt).toLocaleTimeString()}
          </Typography.Text>
          <div
            style={{
              background: background[message.sender],
              borderRadius: 8,
              padding: message.sender === 'system' ? 0 : '6px 10px',
              maxWidth: '80%',
              whiteSpace: 'pre-wrap',
              color: message.sender === 'system' ? '#888' : undefined,
            }}
          >
            {maskPersonalDataInText(message.text)}
          </div>
          {message.suggestions && message.suggestions.length > 0 && (
            <Space size={4} wrap style={{ marginTop: 4 }} data-testid="bot-suggestions">
              <Typography.Text type="secondary">{t('transcript.botSuggested')}:</Typography.Text>
              {message.suggestions.map((suggestion) => (
                <Tag key={suggestion.id}>{maskPersonalDataInText(suggestion.question)}</Tag>
              ))}
            </Space>
          )}
        </li>
      ))}
      <li ref={end} aria-hidden />
    </ol>
  );
}
