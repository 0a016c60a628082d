import { readFileSync } from 'node:fs';
import { KefuConfig } from '../src/common/config/kefu-config.ts';
import { BotEngine } from '../src/modules/bot/index.ts';
import { KnowledgeBase } from '../src/modules/knowledge/index.ts';
import { NluService } from '../src/modules/nlu/index.ts';
import { botConversation, startBotTestApp } from './fixtures/bot-conversation.ts';
import { api } from './harness/routing-fixtures.ts';
import type { TestApp } from './harness/test-app.ts';
import { visitorToken } from './harness/widget-client.ts';

const heldOut = new URL('../../models/data/demo-kb/zh/held-out.jsonl', import.meta.url);

/** The dialogue policy on the default models and the starter knowledge base (seeded as release 1). */
describe('the bot', () => {
  let kefu: TestApp;

  beforeAll(async () => {
    kefu = await startBotTestApp();
  });
  afterAll(() => kefu.close());

  it('answers a knowledge-base question with the published answer', async () => {
    const reply = await botConversation(kefu).say('怎么办理借记卡？');
    const entry = await kefu.app.get(KnowledgeBase).find('zh-card-open-debit', 'web');
    expect(reply.messages).toEqual([{ kind: 'answer', text: entry?.answer, itemId: 'zh-card-open-debit' }]);
    expect(reply.handoff).toBeUndefined();
    expect(reply.reading).toMatchObject({ language: 'zh', intent: 'zh-card-open-debit', oos: false });
  });

  it('greets in the language of the conversation, telling web visitors how to reach a person', () => {
    const bot = kefu.app.get(BotEngine);
    expect(bot.greeting('zh', 'web')).toEqual({ kind: 'chitchat', text: expect.stringContaining('转人工') });
    expect(bot.greeting('en', 'api')).toEqual({ kind: 'chitchat', text: expect.stringMatching(/^Hello/) });
  });

  it('answers small talk as chit-chat, in English too', async () => {
    const reply = await botConversation(kefu).say('hello');
    expect(reply.messages).toEqual([expect.objectContaining({ kind: 'chitchat', itemId: 'en-chitchat-greeting' })]);
  });

  it('offers the top three questions when it is unsure, and answers the one the customer picks', async () => {
    const ambiguous = await ambiguousQuestion();
    const conversation = botConversation(kefu);
    const reply = await conversation.say(ambiguous);
    const [message] = reply.messages;
    expect(message).toMatchObject({ kind: 'clarify', text: '您是不是想问：' });
    expect(message?.suggestions).toHaveLength(3);
    expect(new Set(message?.suggestions?.map((each) => each.id)).size).toBe(3);

    const picked = message?.suggestions?.[0] as { id: string; question: string };
    const answer = await conversation.say(picked.question);
    expect(answer.messages).toEqual([expect.objectContaining({ kind: 'answer', itemId: picked.id })]);
  });

  it.each(['转人工', '我要找人工客服！', 'agent please'])('hands off when the customer says %s', async (text) => {
    const reply = await botConversation(kefu).say(text);
    expect(reply.handoff).toEqual({ reason: 'asked' });
    expect(reply.messages).toEqual([expect.objectContaining({ kind: 'handoff' })]);
  });

  it('falls back on a question it does not understand, and hands off at the second in a row', async () => {
    const conversation = botConversation(kefu);
    const first = await conversation.say('红烧肉怎么做才好吃');
    expect(first.messages).toEqual([{ kind: 'fallback', text: expect.stringContaining('抱歉，我没有理解') }]);
    expect(first.handoff).toBeUndefined();
    const second = await conversation.say('今天北京会下雨吗');
    expect(second.handoff).toEqual({ reason: 'repeated-fallback' });
  });

  it('starts counting again after a question it understood', async () => {
    const conversation = botConversation(kefu);
    await conversation.say('红烧肉怎么做才好吃');
    await conversation.say('怎么办理借记卡？');
    expect((await conversation.say('今天北京会下雨吗')).handoff).toBeUndefined();
  });

  it('hands an angry customer to a person', async () => {
    const reply = await botConversation(kefu).say('你们这个破系统，我要投诉到银保监会！！！');
    expect(reply.reading.sentiment?.label).toBe('anger');
    expect(reply.handoff).toEqual({ reason: 'anger' });
  });

  it('counts the replies it stored by decision and handoff reason for Prometheus', async () => {
    const token = await visitorToken(kefu.baseUrl);
    const call = (path: string, body: object) => api(kefu.baseUrl, token, 'POST', path, body);
    const started = await call('/api/v1/conversations', { language: 'zh' });
    const messages = `/api/v1/conversations/${started.body.conversation.id}/messages`;
    expect((await call(messages, { clientMessageId: 'q', text: '怎么办理借记卡？' })).status).toBe(201);
    expect((await call(messages, { clientMessageId: 'p', text: '转人工' })).status).toBe(201);
    const metrics = await (await fetch(`${kefu.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/kefu_bot_replies_total\{decision="handoff",handoff="asked"\} [1-9]/);
    expect(metrics).toMatch(/kefu_bot_replies_total\{decision="answer",handoff=""\} [1-9]/);
  });

  it('masks identifiers in the reading it hands over', async () => {
    const reply = await botConversation(kefu).say('我的卡号6222021234567890128丢了');
    expect(JSON.stringify(reply.reading)).not.toContain('6222021234567890128');
    expect(reply.reading.entities).toContainEqual(
      expect.objectContaining({ type: 'card_number', value: '622202*********0128' }),
    );
  });

  /**
   * A held-out question (never trained on) whose reading falls in the clarification band with three candidates that
   * are plain FAQ items — found through the NLU, so the test follows the models as they are retrained.
   */
  async function ambiguousQuestion(): Promise<string> {
    const nlu = kefu.app.get(NluService);
    const { answerConfidence, clarifyConfidence } = kefu.app.get(KefuConfig).bot;
    for (const line of readFileSync(heldOut, 'utf8').trim().split('\n')) {
      const { text, label } = JSON.parse(line) as { text: string; label: string };
      if (label === 'oos') continue;
      const reading = await nlu.understand(text);
      const inBand = !reading.oos && reading.confidence >= clarifyConfidence && reading.confidence < answerConfidence;
      // Small talk is never suggested, and a lost-card candidate would start a flow rather than answer.
      if (inBand && reading.topK.every(({ intent }) => !/chitchat|card-lost/.test(intent))) return text;
    }
    throw new Error('no held-out question falls in the clarification band');
  }
});
