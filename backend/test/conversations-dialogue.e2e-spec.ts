import { createServer, type Server } from 'node:http';
import type { ChatMessage } from '../src/modules/conversations/index.ts';
import { residentIdNumber, seededRandom } from './fixtures/personal-data-generators.ts';
import { freePort } from './harness/kefu-process.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';
import { visitorToken, WidgetClient } from './harness/widget-client.ts';

/** The bank's card service as the flow calls it; `mode` decides how it answers the next call. */
class CardService {
  readonly requests: Record<string, string>[] = [];
  mode: 'block' | 'hang' = 'block';
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      this.requests.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      if (this.mode === 'block')
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"blocked":true}');
      // 'hang': never answers; the flow's timeout and retries decide.
    });
  });

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('dialogue over the widget socket: suggestions, the lost-card flow, handoff', () => {
  let kefu: TestApp;
  let client: WidgetClient;
  const cards = new CardService();

  beforeAll(async () => {
    const port = await freePort();
    await cards.listen(port);
    kefu = await startTestApp({
      env: {
        KEFU_KNOWLEDGE_SEED: 'true',
        KEFU_BOT_ENDPOINTS: JSON.stringify({ 'card-service': `http://127.0.0.1:${port}` }),
      },
    });
    client = await WidgetClient.connect(kefu.baseUrl, await visitorToken(kefu.baseUrl));
  });
  afterAll(async () => {
    client?.close();
    await kefu?.close();
    await cards.close();
  });

  async function conversation(): Promise<(text: string) => Promise<{ replies: ChatMessage[]; state: string }>> {
    const { conversation: started } = await client.call('start', { language: 'zh' });
    let counter = 0;
    return async (text) => {
      counter += 1;
      const sent = await client.call('send', { conversationId: started.id, clientMessageId: `d-${counter}`, text });
      expect(sent.ok).toBe(true);
      return { replies: sent.replies, state: sent.conversation.state };
    };
  }

  it('offers the top three questions for an ambiguous message', async () => {
    const say = await conversation();
    const { replies } = await say('转账');
    expect(replies).toEqual([
      expect.objectContaining({ kind: 'clarify', text: expect.stringContaining('您是不是想问') }),
    ]);
    expect(replies[0].suggestions).toHaveLength(3);
    expect(new Set(replies[0].suggestions?.map((suggestion) => suggestion.id)).size).toBe(3);
  });

  it('reports a lost card: identity, last four digits, confirmation, the call to the card service', async () => {
    const say = await conversation();
    const idNumber = residentIdNumber(seededRandom(6));
    const callsBefore = cards.requests.length;
    expect((await say('我的借记卡丢了，帮我挂失')).replies[0]).toMatchObject({
      kind: 'flow',
      text: expect.stringContaining('身份证'),
    });
    expect((await say('123')).replies[0].text).toContain('校验未通过');
    expect((await say(idNumber)).replies[0].text).toContain('后四位');
    expect((await say('6789')).replies[0].text).toContain('尾号6789');
    const done = await say('是');
    expect(done.replies[0].text).toContain('已为您挂失尾号6789的卡');
    expect(done.state).toBe('bot');
    // Steps before the confirmation run without the conversation's lock; the call itself runs once, under it.
    expect(cards.requests.slice(callsBefore)).toEqual([expect.objectContaining({ cardLast4: '6789', idNumber })]);
  });

  it('fails cleanly when the card service does not answer: says so and hands off', async () => {
    cards.mode = 'hang';
    const say = await conversation();
    await say('信用卡丢了怎么办');
    await say(residentIdNumber(seededRandom(7)));
    await say('4321');
    const failed = await say('是');
    expect(failed.replies.map((reply) => reply.text).join('')).toContain('尚未挂失');
    expect(failed.replies.map((reply) => reply.kind)).toContain('handoff');
    expect(failed.state).toBe('queued');
  });

  it('hands off after two fallbacks in a row', async () => {
    const say = await conversation();
    const first = await say('阿斯顿发生地方噶地方');
    expect(first.replies[0].kind).toBe('fallback');
    const second = await say('请问阿斯顿噶嘎嘎是什么意思呢');
    expect(second.replies.map((reply) => reply.kind)).toContain('handoff');
    expect(second.state).toBe('queued');
  });
});
