// Kefu chat widget: one classic script a bank embeds in its pages, after Socket.IO's browser client:
//   <script src="https://kefu.bank.local/widget/socket.io.min.js"></script>
//   <script src="https://kefu.bank.local/widget/kefu-widget.js" data-lang="zh-CN" defer></script>
// It talks to Kefu over WebSocket (Socket.IO falls back to HTTP long-polling where WebSocket is blocked), keeps the
// conversation id and unacknowledged sends in sessionStorage (a reload shows the whole conversation again), asks
// after every reconnect for what followed the last seq it shows, and resends unacknowledged messages with their
// client message id, which Kefu answers without storing twice.

interface KefuSocket {
  on(event: string, listener: (...args: never[]) => void): void;
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<Ack> };
  connected: boolean;
  disconnect(): void;
}
declare function io(url: string, options: object): KefuSocket;

interface WidgetMessage {
  seq: number;
  sender: 'visitor' | 'bot' | 'agent' | 'system';
  kind: string;
  text: string;
  clientMessageId?: string;
  suggestions?: { id: string; question: string }[];
  links?: { title: string; url: string }[];
}

interface Ack {
  ok: boolean;
  error?: { statusCode: number; message: string };
  conversation?: { id: string; state: string; lastSeq: number };
  messages?: WidgetMessage[];
  message?: WidgetMessage;
  replies?: WidgetMessage[];
}

type Language = 'zh' | 'en';

const TEXTS: Record<Language, Record<string, string>> = {
  zh: {
    open: '在线客服',
    title: '智能客服',
    close: '关闭',
    placeholder: '请输入您的问题',
    send: '发送',
    offline: '网络已断开，正在重新连接…',
    queued: '正在为您转接人工客服，请稍候',
    position: '您排在第 {position} 位，预计等待约 {minutes} 分钟',
    separator: '。',
    failed: '发送失败，将在重新连接后重试',
    log: '对话记录',
    rate: '请为本次服务评分',
    rating: '非常不满意|不满意|一般|满意|非常满意',
    comment: '还有什么想告诉我们的？（选填）',
    submitRating: '提交评价',
    pickRating: '请先选择 1 到 5 分',
    thanks: '感谢您的评价！',
    ratingFailed: '评价未能提交，请稍后再试',
  },
  en: {
    open: 'Chat with us',
    title: 'Customer service',
    close: 'Close',
    placeholder: 'Type your question',
    send: 'Send',
    offline: 'Connection lost, reconnecting…',
    queued: 'Connecting you to an agent, please wait',
    position: 'You are number {position} in the queue, about {minutes} min wait',
    separator: '. ',
    failed: 'Not sent yet; it will be retried when the connection is back',
    log: 'Conversation',
    rate: 'How satisfied are you with this chat?',
    rating: 'Very dissatisfied|Dissatisfied|Neutral|Satisfied|Very satisfied',
    comment: 'Anything else you would like to tell us? (optional)',
    submitRating: 'Send rating',
    pickRating: 'Please choose a rating from 1 to 5 first',
    thanks: 'Thank you for your feedback!',
    ratingFailed: 'The rating was not sent; please try again',
  },
};

const STORAGE_KEY = 'kefu-widget';
const ACK_TIMEOUT_MS = 10_000;
// How often a waiting customer's place in the queue is asked again: often enough to feel live, cheap for the server.
const QUEUE_POLL_MS = 3_000;

interface Saved {
  token?: string;
  conversationId?: string;
  pending: { clientMessageId: string; text: string }[];
  /** The conversation the customer has rated (or declined to be asked about again). */
  rated?: string;
}

class KefuWidget {
  private readonly texts: Record<string, string>;
  private readonly seen = new Set<number>();
  private lastSeq = 0;
  private socket?: KefuSocket;
  private saved: Saved;
  private readonly root: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly log: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly status: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private queuePoll?: ReturnType<typeof setInterval>;
  private queueText = '';
  private survey?: HTMLElement;

  constructor(
    private readonly server: string,
    private readonly language: Language,
  ) {
    this.texts = TEXTS[language];
    this.saved = readSaved();
    this.root = element('div', { class: 'kefu-widget', lang: language === 'zh' ? 'zh-CN' : 'en-US' });
    this.launcher = element('button', { type: 'button', class: 'kefu-launcher', 'aria-expanded': 'false' }, [
      this.texts.open,
    ]);
    this.panel = element('section', {
      class: 'kefu-panel',
      role: 'dialog',
      'aria-label': this.texts.title,
      hidden: '',
    });
    this.log = element('ol', { class: 'kefu-log', 'aria-live': 'polite', 'aria-label': this.texts.log });
    this.status = element('p', { class: 'kefu-status', role: 'status' });
    this.input = element('textarea', { class: 'kefu-input', rows: '2', 'aria-label': this.texts.placeholder });
    this.input.placeholder = this.texts.placeholder;
    this.build();
  }

  private build(): void {
    const close = element('button', { type: 'button', class: 'kefu-close', 'aria-label': this.texts.close }, ['×']);
    const send = element('button', { type: 'submit', class: 'kefu-send' }, [this.texts.send]);
    const form = element('form', { class: 'kefu-form' }, [this.input, send]);
    const header = element('header', { class: 'kefu-header' }, [element('h2', {}, [this.texts.title]), close]);
    this.panel.append(header, this.log, this.status, form);
    this.root.append(element('style', {}, [STYLES]), this.launcher, this.panel);
    document.body.append(this.root);

    this.launcher.addEventListener('click', () => this.open());
    close.addEventListener('click', () => this.close());
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    // Enter sends, Shift+Enter starts a new line: what chat users expect on a keyboard.
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
  }

  private async open(): Promise<void> {
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.input.focus();
    if (!this.socket) await this.connect();
  }

  private close(): void {
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  private async connect(): Promise<void> {
    this.saved.token ??= await this.visitorToken();
    this.save();
    const socket = io(`${this.server}/chat`, {
      auth: { token: this.saved.token },
      transports: ['websocket', 'polling'],
    });
    this.socket = socket;
    socket.on('connect', () => void this.resume());
    socket.on('disconnect', () => {
      this.stopQueuePoll();
      this.showStatus(this.texts.offline);
    });
    // Visitor tokens are short-lived; an expired one is refused at the handshake and replaced.
    socket.on('connect_error', (error: Error) => {
      if (/unauthenticated/.test(error.message)) void this.startOver(true);
    });
    socket.on('messages', (event: { conversationId: string; state?: string; messages: WidgetMessage[] }) => {
      if (event.conversationId !== this.saved.conversationId) return;
      this.showAll(event.messages);
      if (event.state) this.showState(event.state);
    });
  }

  /** On every (re)connect: join the conversation from the last seq seen, or start one; then resend what is pending. */
  private async resume(): Promise<void> {
    this.showStatus('');
    const ack = this.saved.conversationId
      ? await this.call('join', { conversationId: this.saved.conversationId, afterSeq: this.lastSeq })
      : await this.call('start', { language: this.language });
    if (!ack) return; // No answer in time: the next reconnect tries again.
    if (!ack.ok || !ack.conversation) {
      // The conversation is not ours any more (a new visitor token after the old one expired): begin a new one.
      if (ack.error?.statusCode === 404) await this.startOver(false);
      return;
    }
    this.saved.conversationId = ack.conversation.id;
    this.save();
    this.showAll(ack.messages ?? []);
    this.showState(ack.conversation.state);
    for (const pending of [...this.saved.pending]) await this.deliver(pending);
  }

  private async startOver(newToken: boolean): Promise<void> {
    this.socket?.disconnect();
    this.socket = undefined;
    this.saved = { token: newToken ? undefined : this.saved.token, pending: this.saved.pending };
    this.survey?.remove();
    this.survey = undefined;
    this.seen.clear();
    this.lastSeq = 0;
    this.save();
    await this.connect();
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text) return;
    this.input.value = '';
    const pending = { clientMessageId: `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, text };
    this.saved.pending.push(pending);
    this.save();
    this.showPending(pending);
    void this.deliver(pending);
  }

  private async deliver(pending: { clientMessageId: string; text: string }): Promise<void> {
    if (!this.socket?.connected || !this.saved.conversationId) return;
    const ack = await this.call('send', { conversationId: this.saved.conversationId, ...pending });
    if (ack?.error?.statusCode === 409) {
      // The agent closed the conversation: the customer's next message begins a new one, pending messages included.
      await this.startOver(false);
      return;
    }
    if (!ack?.ok || !ack.message) {
      this.showStatus(ack?.error?.message ?? this.texts.failed);
      return;
    }
    this.saved.pending = this.saved.pending.filter((item) => item.clientMessageId !== pending.clientMessageId);
    this.save();
    this.showAll([ack.message, ...(ack.replies ?? [])]);
    if (ack.conversation) this.showState(ack.conversation.state);
  }

  private async call(event: string, payload: unknown): Promise<Ack | undefined> {
    try {
      return await this.socket?.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
    } catch {
      return undefined;
    }
  }

  private async visitorToken(): Promise<string> {
    const response = await fetch(`${this.server}/api/v1/visitor-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return ((await response.json()) as { token: string }).token;
  }

  /** Shows messages in seq order, each once, whether it came by push, acknowledgement or resume. */
  private showAll(messages: WidgetMessage[]): void {
    for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
      if (this.seen.has(message.seq)) continue;
      this.seen.add(message.seq);
      this.lastSeq = Math.max(this.lastSeq, message.seq);
      const placeholder =
        message.clientMessageId && this.log.querySelector(`[data-client-id="${message.clientMessageId}"]`);
      const item = this.render(message);
      if (placeholder) placeholder.replaceWith(item);
      else this.log.append(item);
    }
    this.log.lastElementChild?.scrollIntoView({ block: 'end' });
  }

  private showPending(pending: { clientMessageId: string; text: string }): void {
    const item = element(
      'li',
      { class: 'kefu-message kefu-visitor kefu-pending', 'data-client-id': pending.clientMessageId },
      [element('p', {}, [pending.text])],
    );
    this.log.append(item);
  }

  private render(message: WidgetMessage): HTMLElement {
    const item = element('li', { class: `kefu-message kefu-${message.sender}`, 'data-seq': String(message.seq) }, [
      element('p', {}, [message.text]),
    ]);
    if (message.suggestions?.length) {
      const list = element('ul', { class: 'kefu-suggestions' });
      for (const suggestion of message.suggestions) {
        const button = element('button', { type: 'button' }, [suggestion.question]);
        button.addEventListener('click', () => {
          this.input.value = suggestion.question;
          this.submit();
        });
        list.append(element('li', {}, [button]));
      }
      item.append(list);
    }
    for (const link of message.links ?? []) {
      if (!/^https?:\/\//.test(link.url)) continue;
      item.append(element('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer' }, [link.title]));
    }
    return item;
  }

  private showState(state: string): void {
    if (state === 'closed') this.offerSurvey();
    if (state !== 'queued') {
      this.stopQueuePoll();
      this.showStatus('');
      return;
    }
    this.showStatus(this.queuedText());
    if (this.queuePoll) return;
    this.queuePoll = setInterval(() => void this.pollQueue(), QUEUE_POLL_MS);
    void this.pollQueue();
  }

  /**
   * The post-chat survey (CSAT), once per closed conversation: a native radio group (arrow keys choose, Tab moves on),
   * an optional comment, sent to POST /api/v1/conversations/:id/rating. Kefu keeps one rating per conversation, so a
   * resend after a lost answer is harmless.
   */
  private offerSurvey(): void {
    const conversationId = this.saved.conversationId;
    if (this.survey || !conversationId || this.saved.rated === conversationId) return;
    const choices = element('fieldset', { class: 'kefu-rating' }, [element('legend', {}, [this.texts.rate])]);
    this.texts.rating.split('|').forEach((meaning, index) => {
      const value = String(index + 1);
      const input = element('input', {
        type: 'radio',
        name: 'kefu-rating',
        value,
        'aria-label': `${value} ${meaning}`,
      });
      choices.append(
        element('label', { title: meaning }, [input, element('span', { 'aria-hidden': 'true' }, [value])]),
      );
    });
    const comment = element('textarea', { class: 'kefu-input', rows: '2', maxlength: '500' });
    comment.setAttribute('aria-label', this.texts.comment);
    comment.placeholder = this.texts.comment;
    const send = element('button', { type: 'submit', class: 'kefu-send' }, [this.texts.submitRating]);
    const form = element('form', { class: 'kefu-survey' }, [choices, comment, send]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[name="kefu-rating"]:checked');
      if (!chosen) this.showStatus(this.texts.pickRating);
      else void this.rate(conversationId, Number(chosen.value), comment.value.trim());
    });
    this.survey = form;
    this.status.before(form);
  }

  private async rate(conversationId: string, rating: number, comment: string): Promise<void> {
    try {
      const response = await fetch(`${this.server}/api/v1/conversations/${conversationId}/rating`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.saved.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(comment ? { rating, comment } : { rating }),
      });
      // 409: rated already (from another tab): the survey is done either way.
      if (!response.ok && response.status !== 409) throw new Error(`HTTP ${response.status}`);
      this.saved.rated = conversationId;
      this.save();
      this.survey?.replaceChildren(element('p', { role: 'status' }, [this.texts.thanks]));
      this.showStatus('');
    } catch {
      this.showStatus(this.texts.ratingFailed);
    }
  }

  private stopQueuePoll(): void {
    clearInterval(this.queuePoll);
    this.queuePoll = undefined;
    this.queueText = '';
  }

  /** Place in the queue and estimated wait (GET /api/v1/conversations/:id/queue), shown under the waiting line. */
  private async pollQueue(): Promise<void> {
    const conversationId = this.saved.conversationId;
    if (!conversationId || !this.saved.token) return;
    try {
      const response = await fetch(`${this.server}/api/v1/conversations/${conversationId}/queue`, {
        headers: { authorization: `Bearer ${this.saved.token}` },
      });
      if (!response.ok || !this.queuePoll) return;
      const queue = (await response.json()) as { position: number | null; estimatedWaitSeconds: number | null };
      this.queueText =
        queue.position === null
          ? ''
          : this.texts.position
              .replace('{position}', String(queue.position))
              .replace('{minutes}', String(Math.max(1, Math.ceil((queue.estimatedWaitSeconds ?? 0) / 60))));
      this.showStatus(this.queuedText());
    } catch {
      // Offline for a moment: the socket's reconnect shows that; the next poll tries again.
    }
  }

  private queuedText(): string {
    return this.queueText ? `${this.texts.queued}${this.texts.separator}${this.queueText}` : this.texts.queued;
  }

  private showStatus(text: string): void {
    this.status.textContent = text;
  }

  private save(): void {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(this.saved));
  }
}

function readSaved(): Saved {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Saved | null;
    if (parsed && Array.isArray(parsed.pending)) return parsed;
  } catch {
    // A corrupt entry is dropped: the customer starts a new conversation.
  }
  return { pending: [] };
}

/** Text goes in as text nodes, never as HTML: nothing a customer, an agent or an answer says can inject markup. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const STYLES = `
.kefu-widget{position:fixed;right:16px;bottom:16px;z-index:2147483000;font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f}
.kefu-launcher{background:#1a5fb4;color:#fff;border:0;border-radius:24px;padding:12px 20px;font:inherit;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.25)}
.kefu-launcher:focus-visible,.kefu-widget button:focus-visible,.kefu-input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.kefu-panel{position:fixed;right:16px;bottom:76px;width:360px;height:520px;max-height:calc(100vh - 96px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.25);overflow:hidden}
.kefu-panel[hidden]{display:none}
.kefu-header{display:flex;justify-content:space-between;align-items:center;background:#1a5fb4;color:#fff;padding:8px 12px}
.kefu-header h2{font-size:16px;margin:0}
.kefu-close{background:none;border:0;color:#fff;font-size:24px;cursor:pointer;min-width:44px;min-height:44px}
.kefu-log{flex:1;overflow-y:auto;list-style:none;margin:0;padding:12px}
.kefu-message{margin:8px 0;max-width:85%}
.kefu-message p{margin:0;padding:8px 12px;border-radius:10px;background:#f0f2f5;white-space:pre-wrap;word-break:break-word}
.kefu-visitor{margin-left:auto}.kefu-visitor p{background:#d6e6fb}
.kefu-pending p{opacity:.6}
.kefu-system p{background:none;color:#555;font-size:13px;text-align:center}
.kefu-suggestions{list-style:none;padding:0;margin:6px 0 0}
.kefu-suggestions button{display:block;width:100%;text-align:left;margin:4px 0;padding:8px 10px;min-height:44px;border:1px solid #1a5fb4;border-radius:8px;background:#fff;color:#1a5fb4;font:inherit;cursor:pointer}
.kefu-message a{display:inline-block;margin-top:4px;color:#1a5fb4}
.kefu-status{margin:0;padding:0 12px;color:#8a4b00;font-size:13px;min-height:1em}
.kefu-form{display:flex;gap:8px;padding:8px;border-top:1px solid #e5e5e5}
.kefu-input{flex:1;resize:none;font:inherit;padding:8px;border:1px solid #bbb;border-radius:8px}
.kefu-survey{display:flex;flex-direction:column;gap:6px;padding:8px 12px;border-top:1px solid #e5e5e5}
.kefu-survey p{margin:0;color:#1a5fb4}
.kefu-rating{display:flex;gap:6px;border:0;margin:0;padding:0}
.kefu-rating legend{padding:0 0 4px;font-size:14px}
.kefu-rating label{cursor:pointer}
.kefu-rating span{display:flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;border:1px solid #1a5fb4;border-radius:8px;color:#1a5fb4}
.kefu-rating input{position:absolute;opacity:0;width:1px;height:1px}
.kefu-rating input:checked+span{background:#1a5fb4;color:#fff}
.kefu-rating input:focus-visible+span{outline:3px solid #f5a623;outline-offset:2px}
.kefu-send{background:#1a5fb4;color:#fff;border:0;border-radius:8px;padding:0 16px;min-height:44px;font:inherit;cursor:pointer}
@media (max-width:480px){.kefu-panel{right:0;bottom:0;width:100vw;height:100vh;max-height:none;border-radius:0}}
`;

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const server = script ? new URL(script.src).origin : location.origin;
  const requested = script?.dataset.lang ?? navigator.language;
  const language: Language = requested.toLowerCase().startsWith('en') ? 'en' : 'zh';
  const start = () => new KefuWidget(server, language);
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
