import { Alert, Button, Flex, Input } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { type Ref, useRef, useState } from 'react';
import { useLanguage } from '../../i18n/language-context.tsx';
import { newClientMessageId } from './client-message-id.ts';

// Fixed rows, not antd's autoSize: autoSize measures with a hidden textarea styled through setAttribute('style'),
// which the console's Content-Security-Policy blocks.

/**
 * The reply box: Enter sends, Shift+Enter adds a line. A draft keeps one client message id until it is sent or edited,
 * so sending it again after a failure (or a lost answer) never stores it twice.
 */
export function ReplyBox({
  draft,
  onDraftChange,
  onSend,
  disabled,
  note = false,
  inputRef,
}: {
  draft: string;
  onDraftChange(text: string): void;
  onSend(clientMessageId: string, text: string): Promise<void>;
  disabled: boolean;
  /** Writing an internal note instead of a reply: other texts and colours, same keys. */
  note?: boolean;
  inputRef: Ref<TextAreaRef>;
}) {
  const { t } = useLanguage();
  const clientMessageId = useRef(newClientMessageId());
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function send() {
    const text = draft.trim();
    if (!text || sending || disabled) return;
    setSending(true);
    try {
      await onSend(clientMessageId.current, text);
      clientMessageId.current = newClientMessageId();
      setFailed(false);
      onDraftChange('');
    } catch {
      setFailed(true);
    } finally {
      setSending(false);
    }
  }

  return (
    <Flex vertical gap={8}>
      {failed && <Alert type="error" showIcon message={t('reply.failed')} />}
      <Flex gap={8} align="flex-end">
        <Input.TextArea
          ref={inputRef}
          aria-label={t(note ? 'note.placeholder' : 'reply.placeholder')}
          placeholder={t(note ? 'note.placeholder' : 'reply.placeholder')}
          style={note ? { background: '#fffbe6' } : undefined}
          value={draft}
          disabled={disabled}
          rows={3}
          maxLength={2000}
          onChange={(event) => {
            clientMessageId.current = newClientMessageId();
            onDraftChange(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.nativeEvent.isComposing) return;
            event.preventDefault();
            void send();
          }}
        />
        <Button type="primary" loading={sending} disabled={disabled} onClick={() => void send()}>
          {t(note ? 'note.save' : 'reply.send')}
        </Button>
      </Flex>
    </Flex>
  );
}
