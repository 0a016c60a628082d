import { Alert, Button, Card, Col, Flex, message, Row, Segmented, Space, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import type { QueueEntry } from '../../api/kefu-api.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { AssistPanel } from './assist-panel.tsx';
import { CannedReplyPicker } from './canned-reply-picker.tsx';
import { fillCannedVariables, knownCannedValues } from './canned-variables.ts';
import { CloseDialog } from './close-dialog.tsx';
import { CustomerPanel } from './customer-panel.tsx';
import { ReplyBox } from './reply-box.tsx';
import { SentimentTag } from './sentiment-tag.tsx';
import { TranscriptList } from './transcript-list.tsx';
import { TransferDialog } from './transfer-dialog.tsx';
import { useAssist } from './use-assist.ts';
import { useNotes } from './use-notes.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { useTranscript } from './use-transcript.ts';

/**
 * One open conversation: the live transcript, the reply box, assist and sentiment, the customer panel, transfer and
 * close. `entry` is routing's record while this agent serves it; without one the view is read-only.
 */
export function ConversationView({
  conversationId,
  entry,
  onLeft,
}: {
  conversationId: string;
  entry?: QueueEntry;
  onLeft(): void;
}) {
  const { t } = useLanguage();
  const { api, staff } = useStaff();
  const { conversation, messages, append } = useTranscript(conversationId);
  const notes = useNotes(conversationId);
  // Replies need the conversation to be this agent's; notes only need read access (also after a close).
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const serving = entry !== undefined && conversation?.state !== 'closed';
  const lastCustomerSeq = messages.filter((each) => each.sender === 'visitor').at(-1)?.seq;
  const assistance = useAssist(conversationId, lastCustomerSeq, serving);
  const [draft, setDraft] = useState('');
  const [dialog, setDialog] = useState<'transfer' | 'close' | 'canned'>();
  const replyInput = useRef<TextAreaRef>(null);

  const insert = (answer: string) => {
    setDraft((current) => (current.trim() ? `${current}\n${answer}` : answer));
    replyInput.current?.focus();
  };
  const insertSuggestion = (index: number) => () => {
    const suggestion = assistance?.suggestions[index];
    if (suggestion && serving) insert(suggestion.answer);
  };
  useShortcuts({
    'Ctrl+K': () => replyInput.current?.focus(),
    'Alt+Enter': () => serving && setDialog('close'),
    'Alt+T': () => serving && setDialog('transfer'),
    'Alt+R': () => (serving || mode === 'note') && setDialog('canned'),
    'Alt+N': () => {
      setMode((current) => (current === 'reply' ? 'note' : 'reply'));
      replyInput.current?.focus();
    },
    'Alt+1': insertSuggestion(0),
    'Alt+2': insertSuggestion(1),
    'Alt+3': insertSuggestion(2),
  });

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card
          size="small"
          title={
            <Space>
              <Typography.Text>
                {t('workspace.conversation')} {conversationId.slice(0, 8)}
              </Typography.Text>
              {conversation && <Tag>{t(`state.${conversation.state}`)}</Tag>}
              <SentimentTag sentiment={assistance?.sentiment} />
            </Space>
          }
          extra={
            <Space>
              <Button disabled={!serving} onClick={() => setDialog('transfer')}>
                {t('transfer.button')}
              </Button>
              <Button danger disabled={!serving} onClick={() => setDialog('close')}>
                {t('close.button')}
              </Button>
            </Space>
          }
        >
          <Flex vertical gap={8}>
            {conversation && !serving && <Alert type="info" showIcon message={t('workspace.notServing')} />}
            <TranscriptList messages={messages} notes={notes.notes} />
            <Flex justify="space-between" align="center">
              <Segmented
                aria-label={t('reply.modeReply')}
                value={mode}
                onChange={(value) => setMode(value as 'reply' | 'note')}
                options={[
                  { value: 'reply', label: t('reply.modeReply') },
                  { value: 'note', label: t('reply.modeNote') },
                ]}
              />
              <Button disabled={!serving && mode === 'reply'} onClick={() => setDialog('canned')}>
                {t('canned.button')}
              </Button>
            </Flex>
            <ReplyBox
              draft={draft}
              onDraftChange={setDraft}
              disabled={mode === 'reply' && !serving}
              note={mode === 'note'}
              inputRef={replyInput}
              onSend={async (clientMessageId, text) => {
                if (mode === 'note') notes.add(await api.addNote(conversationId, clientMessageId, text));
                else append((await api.reply(conversationId, clientMessageId, text)).message);
              }}
            />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Flex vertical gap={16}>
          <AssistPanel assistance={serving ? assistance : undefined} onInsert={insert} />
          <CustomerPanel conversation={conversation} entry={entry} />
        </Flex>
      </Col>
      <TransferDialog
        conversationId={conversationId}
        open={dialog === 'transfer'}
        onCancel={() => setDialog(undefined)}
        onTransferred={() => {
          setDialog(undefined);
          void message.success(t('transfer.done'));
          onLeft();
        }}
      />
      <CannedReplyPicker
        open={dialog === 'canned'}
        groupId={entry?.groupId}
        onCancel={() => setDialog(undefined)}
        onPick={(reply) => {
          setDialog(undefined);
          const { text, unfilled } = fillCannedVariables(reply.body, knownCannedValues(staff.username, new Date()));
          insert(text);
          if (unfilled.length > 0) void message.warning(fillIn(t('canned.unfilled'), { names: unfilled.join(' ') }));
        }}
      />
      <CloseDialog
        conversationId={conversationId}
        open={dialog === 'close'}
        onCancel={() => setDialog(undefined)}
        onClosed={(ticketNumber) => {
          setDialog(undefined);
          void message.success(
            ticketNumber === undefined
              ? t('close.done')
              : `${t('close.done')} · ${t('close.ticketCreated')} #${ticketNumber}`,
          );
          onLeft();
        }}
      />
    </Row>
  );
}
