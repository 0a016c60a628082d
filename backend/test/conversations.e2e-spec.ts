import pg from 'pg';
import { Role } from '../src/common/access/index.ts';
import type { ChatMessage } from '../src/modules/conversations/index.ts';
import { counterTotal } from './harness/metrics.ts';
import { signInStaff } from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';
import { visitorToken, WidgetClient } from './harness/widget-client.ts';

describe('conversations through the widget socket and the open REST API', () => {
  let kefu: TestApp;
  let token: string;
  const clients: WidgetClient[] = [];

  beforeAll(async () => {
    kefu = await startTestApp({ env: { KEFU_KNOWLEDGE_SEED: 'true' } });
    token = await visitorToken(kefu.baseUrl);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => kefu.close());

  async function widget(visitor = token): Promise<WidgetClient> {
    const client = await WidgetClient.connect(kefu.baseUrl, visitor);
    clients.push(client);
    return client;
  }

  async function rest(method: string, path: string, body?: unknown, visitor = token) {
    const response = await fetch(`${kefu.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${visitor}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
    return { status: response.status, body: (await response.json()) as any };
  }

  it('greets, answers an FAQ question and pushes the turn to the conversation’s other sockets', async () => {
    const client = await widget();
    const otherTab = await widget();
    const started = await client.call('start', { language: 'zh' });
    await otherTab.call('join', { conversationId: started.conversation.id, afterSeq: 1 });
    expect(started.ok).toBe(true);
    expect(started.conversation).toMatchObject({ channel: 'web', language: 'zh', state: 'bot', lastSeq: 1 });
    expect(started.messages).toEqual([expect.objectContaining({ seq: 1, sender: 'bot' })]);

    const sent = await client.call('send', {
      conversationId: started.conversation.id,
      clientMessageId: 'faq-1',
      text: '怎么办理借记卡？',
    });
    expect(sent.ok).toBe(true);
    expect(sent.message).toMatchObject({
      seq: 2,
      sender: 'visitor',
      text: '怎么办理借记卡？',
      clientMessageId: 'faq-1',
    });
    expect(sent.replies).toEqual([
      expect.objectContaining({ seq: 3, replyTo: 2, sender: 'bot', kind: 'answer', itemId: 'zh-card-open-debit' }),
    ]);
    expect(sent.replies[0].text).toContain('身份证件');
    expect((await otherTab.waitForPushed(3)).text).toBe(sent.replies[0].text);
    // The sender has the turn in its acknowledgement: pushing it there too would only be sent and dropped.
    expect(client.pushed.filter((message) => message.seq > 1)).toEqual([]);
  });

  it('stores concurrent sends to one conversation each once, in one gapless order with their replies', async () => {
    const client = await widget();
    const { conversation } = await client.call('start', { language: 'zh' });
    const questions = [
      '怎么办理借记卡？',
      '信用卡逾期了怎么办',
      '今天北京会下雨吗',
      '手机银行怎么转账',
      '怎么办理借记卡？',
    ];
    const counted = await counterTotal(kefu.baseUrl, 'kefu_bot_replies_total');
    const sends = questions.flatMap((text, index) => [
      client.call('send', { conversationId: conversation.id, clientMessageId: `c-${index}`, text }),
      // The same message again at the same moment (a retry racing its original): stored once.
      client.call('send', { conversationId: conversation.id, clientMessageId: `c-${index}`, text }),
    ]);
    const acks = await Promise.all(sends);
    expect(acks.filter((ack) => !ack.ok)).toEqual([]);
    const firsts = acks.filter((ack) => !ack.duplicate);
    expect(firsts.map((ack) => ack.message.clientMessageId).sort()).toEqual(questions.map((_, index) => `c-${index}`));
    // Sends that lost the race were decided again: each stored turn's reply still counts once.
    expect((await counterTotal(kefu.baseUrl, 'kefu_bot_replies_total')) - counted).toBe(questions.length);
    for (const [index, ack] of acks.entries()) {
      const twin = acks[index % 2 === 0 ? index + 1 : index - 1];
      expect(ack.message.seq).toBe(twin.message.seq);
      expect(ack.replies.map((reply: ChatMessage) => reply.seq)).toEqual(
        twin.replies.map((reply: ChatMessage) => reply.seq),
      );
    }
    const rows = await withDatabase((db) =>
      db.query(
        'SELECT seq, reply_to, client_message_id FROM conversation_messages WHERE conversation_id = $1 ORDER BY seq',
        [conversation.id],
      ),
    );
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    const last = await withDatabase((db) =>
      db.query('SELECT last_seq FROM conversations WHERE id = $1', [conversation.id]),
    );
    expect(last[0].last_seq).toBe(rows.length);
    for (const ack of firsts) {
      const stored = rows.filter((row) => row.reply_to === ack.message.seq).map((row) => row.seq);
      expect(ack.replies.map((reply: ChatMessage) => reply.seq)).toEqual(stored);
    }
  });

  it('hands off to a human when asked, and says so', async () => {
    // Someone at their desk, so routing keeps the conversation open (queued or assigned) instead of overflowing it
    // into a leave-a-message ticket, which would close it before the follow-up message below.
    const supervisor = await signInStaff(kefu, 'sup-handoff', [Role.Supervisor]);
    const group = await supervisor.call('POST', '/api/v1/routing/groups', { name: 'desk', handoffDefault: true });
    await supervisor.call('PUT', `/api/v1/routing/groups/${group.body.id}/members/${supervisor.id}`);
    expect((await supervisor.call('PUT', '/api/v1/routing/me/presence', { presence: 'busy' })).status).toBe(200);
    const client = await widget();
    const { conversation } = await client.call('start', { language: 'zh' });
    const sent = await client.call('send', { conversationId: conversation.id, clientMessageId: 'h-1', text: '转人工' });
    expect(sent.replies.map((reply: ChatMessage) => reply.kind)).toContain('handoff');
    expect(sent.conversation.state).toBe('queued');
    // After the handoff the bot stays quiet: the message waits for the agent.
    const next = await client.call('send', { conversationId: conversation.id, clientMessageId: 'h-2', text: '在吗' });
    expect(next.replies).toEqual([]);
    // A resend of the request is answered from what was stored, and routing got the conversation once.
    const resent = await client.call('send', {
      conversationId: conversation.id,
      clientMessageId: 'h-1',
      text: '转人工',
    });
    expect(resent).toMatchObject({ duplicate: true, message: { seq: sent.message.seq } });
    const queued = await withDatabase((db) =>
      db.query(
        `SELECT q.reason, c.handoff->>'reason' AS "storedReason" FROM routing_queue q
           JOIN conversations c ON c.id = q.conversation_id WHERE q.conversation_id = $1`,
        [conversation.id],
      ),
    );
    expect(queued).toEqual([{ reason: 'asked', storedReason: 'asked' }]);
  });

  it('stores the transcript encrypted and the bot’s reading beside the customer message', async () => {
    const client = await widget();
    const { conversation } = await client.call('start', { language: 'zh' });
    await client.call('send', { conversationId: conversation.id, clientMessageId: 'e-1', text: '信用卡逾期了怎么办' });
    const rows = await withDatabase((db) =>
      db.query('SELECT body, reading FROM conversation_messages WHERE conversation_id = $1 ORDER BY seq', [
        conversation.id,
      ]),
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(Buffer.from(row.body).toString('utf8')).not.toContain('逾期');
    expect(rows[1].reading).toMatchObject({ language: 'zh', intent: expect.any(String) });
  });

  it('loses and duplicates nothing across a reconnect: resends are answered once, join returns what was missed', async () => {
    const first = await widget();
    const { conversation } = await first.call('start', { language: 'zh' });
    const sent = await first.call('send', { conversationId: conversation.id, clientMessageId: 'r-1', text: '你好' });
    first.close();

    // The acknowledgement was "lost": the client resends over REST with the same id and gets the same messages back.
    const resent = await rest('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      clientMessageId: 'r-1',
      text: '你好',
    });
    expect(resent.status).toBe(200);
    expect(resent.body.duplicate).toBe(true);
    expect(resent.body.message.seq).toBe(sent.message.seq);
    expect(resent.body.replies.map((reply: ChatMessage) => reply.seq)).toEqual(
      sent.replies.map((reply: ChatMessage) => reply.seq),
    );

    // While disconnected, more is said through the REST API; the reconnected widget asks for what follows seq 1.
    await rest('POST', `/api/v1/conversations/${conversation.id}/messages`, { clientMessageId: 'r-2', text: '在吗' });
    const second = await widget();
    const joined = await second.call('join', { conversationId: conversation.id, afterSeq: 1 });
    const seqs = joined.messages.map((message: ChatMessage) => message.seq);
    expect(seqs).toEqual(Array.from({ length: joined.conversation.lastSeq - 1 }, (_, index) => index + 2));
    expect(joined.messages.filter((message: ChatMessage) => message.clientMessageId === 'r-1')).toHaveLength(1);
  });

  it('serves the same conversation over REST: start, send, resume after a seq', async () => {
    const started = await rest('POST', '/api/v1/conversations', { language: 'en' });
    expect(started.status).toBe(201);
    expect(started.body.conversation).toMatchObject({ channel: 'api', language: 'en', lastSeq: 1 });
    const id = started.body.conversation.id;
    const sent = await rest('POST', `/api/v1/conversations/${id}/messages`, {
      clientMessageId: 'api-1',
      text: 'How do I open a debit card?',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.replies[0]).toMatchObject({ sender: 'bot', replyTo: 2 });
    const history = await rest('GET', `/api/v1/conversations/${id}/messages?afterSeq=1`);
    expect(history.body.messages.map((message: ChatMessage) => message.seq)).toEqual([2, 3]);
  });

  it("keeps one visitor out of another's conversation", async () => {
    const owner = await widget();
    const { conversation } = await owner.call('start', { language: 'zh' });
    const stranger = await visitorToken(kefu.baseUrl);
    const read = await rest('GET', `/api/v1/conversations/${conversation.id}/messages`, undefined, stranger);
    expect(read.status).toBe(404);
    const intruder = await widget(stranger);
    const joined = await intruder.call('join', { conversationId: conversation.id });
    expect(joined).toMatchObject({ ok: false, error: { statusCode: 404, error: 'not_found' } });
  });

  it('refuses bad input with the field and the rule, over the socket and over REST', async () => {
    const client = await widget();
    const { conversation } = await client.call('start', { language: 'zh' });
    const blank = await client.call('send', { conversationId: conversation.id, clientMessageId: 'ok', text: '   ' });
    expect(blank.ok).toBe(false);
    expect(blank.error.violations).toEqual([expect.objectContaining({ field: 'text', rule: 'matches' })]);
    const badId = await client.call('send', { conversationId: 'nope', clientMessageId: 'a b', text: 'hi' });
    expect(badId.error.violations.map((v: { field: string }) => v.field).sort()).toEqual([
      'clientMessageId',
      'conversationId',
    ]);
    const tooLong = await rest('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      clientMessageId: 'long',
      text: 'x'.repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.violations).toEqual([expect.objectContaining({ field: 'text', rule: 'isLength' })]);
    const badPath = await rest('GET', '/api/v1/conversations/not-a-uuid/messages');
    expect(badPath.body.violations).toEqual([expect.objectContaining({ field: 'id', rule: 'isUuid' })]);
    // What reached PostgreSQL or a service as it came, and failed there with a 500 the widget would resend into.
    const rules = (body: { violations?: { field: string; rule: string }[] }) =>
      body.violations?.map((v) => `${v.field}:${v.rule}`);
    const nul = { clientMessageId: 'nul', text: 'a\u0000b' };
    expect(rules((await rest('POST', `/api/v1/conversations/${conversation.id}/messages`, nul)).body)).toEqual([
      'text:noNulCharacter',
    ]);
    expect(rules((await client.call('send', { conversationId: conversation.id, ...nul })).error)).toEqual([
      'text:noNulCharacter',
    ]);
    const farAhead = await rest('GET', `/api/v1/conversations/${conversation.id}/messages?afterSeq=99999999999`);
    expect(rules(farAhead.body)).toEqual(['afterSeq:max']);
    expect(rules((await rest('POST', '/api/v1/conversations', { language: null })).body)).toEqual(['language:isIn']);
  });

  it('refuses a socket without a valid visitor token', async () => {
    await expect(WidgetClient.connect(kefu.baseUrl, 'not-a-token')).rejects.toThrow(/unauthenticated/);
  });

  async function withDatabase<T>(work: (client: pg.Client) => Promise<{ rows: T[] }>): Promise<T[]> {
    const client = new pg.Client({ connectionString: kefu.databaseUrl });
    await client.connect();
    try {
      return (await work(client)).rows;
    } finally {
      await client.end();
    }
  }
});
