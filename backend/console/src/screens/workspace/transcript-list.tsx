import { Space, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { maskPersonalDataInText } from '../../../../src/common/personal-data/personal-data-scanner.ts';
import type { ChatMessage, ConversationNote } from '../../api/kefu-api.ts';
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

/** Each note goes after the last message written before it: notes and messages read in the order they happened. */
type Entry = { kind: 'message'; message: ChatMessage } | { kind: 'note'; note: ConversationNote };

function interleave(messages: readonly ChatMessage[], notes: readonly ConversationNote[]): Entry[] {
  const entries: Entry[] = [];
  const pending = [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const message of messages) {
    while (pending.length > 0 && pending[0].createdAt < message.createdAt) {
      entries.push({ kind: 'note', note: pending.shift() as ConversationNote });
    }
    entries.push({ kind: 'message', message });
  }
  return [...entries, ...pending.map((note) => ({ kind: 'note' as const, note }))];
}

/**
 * The conversation so far, the bot's turns and what it suggested included, with the staff's internal notes in
 * between (styled apart: the customer never sees them). Customers type card, ID and phone numbers into chats and the
 * transcript API returns text as written, so every identifier is masked here before it is shown.
 */
export function TranscriptList({
  messages,
  notes = [],
}: {
  messages: readonly ChatMessage[];
  notes?: readonly ConversationNote[];
}) {
  const end = useRef<HTMLLIElement>(null);
  const last = `${messages.at(-1)?.seq}:${notes.length}`;
  useEffect(() => {
    if (last !== 'undefined:0') end.current?.scrollIntoView?.({ block: 'end' });
  }, [last]);
  return (
    <ol
      data-testid="transcript"
      aria-live="polite"
      style={{ listStyle: 'none', margin: 0, padding: 8, height: 420, overflowY: 'auto' }}
    >
      {interleave(messages, notes).map((entry) =>
        entry.kind === 'note' ? (
          <NoteItem key={`note-${entry.note.id}`} note={entry.note} />
        ) : (
          <MessageItem key={entry.message.seq} message={entry.message} />
        ),
      )}
      <li ref={end} aria-hidden />
    </ol>
  );
}

function MessageItem({ message }: { message: ChatMessage }) {
  const { t } = useLanguage();
  return (
    <li
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
  );
}

function NoteItem({ note }: { note: ConversationNote }) {
  const { t } = useLanguage();
  return (
    <li
      className="transcript-note"
      style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', marginBottom: 10 }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <Tag color="gold">{t('note.label')}</Tag>
        {note.authorName} · {new Date(note.createdAt).toLocaleTimeString()}
      </Typography.Text>
      <div
        style={{
          background: '#fffbe6',
          border: '1px dashed #faad14',
          borderRadius: 8,
          padding: '6px 10px',
          maxWidth: '80%',
          whiteSpace: 'pre-wrap',
        }}
      >
        {maskPersonalDataInText(note.text)}
      </div>
    </li>
  );
}
