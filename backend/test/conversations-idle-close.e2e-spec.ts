import { DataSource } from 'typeorm';
import { AgentConversations } from '../src/modules/conversations/agent-conversations.service.ts';
import { ConversationRepository } from '../src/modules/conversations/conversation.repository.ts';
import { IdleConversationCloser } from '../src/modules/conversations/idle-conversation-closer.service.ts';
import { agentOnDuty, customerAskingForAgent, query } from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';
import { visitorToken, WidgetClient } from './harness/widget-client.ts';

describe('conversations the customer left', () => {
  let kefu: TestApp;
  const clients: WidgetClient[] = [];

  beforeAll(async () => {
    kefu = await startTestApp({ env: { KEFU_KNOWLEDGE_SEED: 'true', KEFU_CONVERSATION_IDLE_CLOSE_MINUTES: '30' } });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await kefu.close();
  });

  async function chatWithBot(language: 'zh' | 'en') {
    const client = await WidgetClient.connect(kefu.baseUrl, await visitorToken(kefu.baseUrl));
    clients.push(client);
    const started = await client.call('start', { language });
    const sent = await client.call('send', {
      conversationId: started.conversation.id,
      clientMessageId: 'q-1',
      text: language === 'zh' ? '怎么办理借记卡？' : 'How do I open a debit card?',
    });
    return { client, id: started.conversation.id as string, lastSeq: sent.conversation.lastSeq as number };
  }

  /** As if nothing had been written in the conversation for `minutes`. */
  const idleFor = (id: string, minutes: number) =>
    kefu.app
      .get(DataSource)
      .query(`UPDATE conversations SET updated_at = now() - make_interval(mins => $2) WHERE id = $1`, [id, minutes]);

  it('closes a conversation with the bot after the idle time, tells the customer and records why', async () => {
    const left = await chatWithBot('zh');
    const active = await chatWithBot('en');
    await agentOnDuty(kefu, { supervisor: 'idle-supervisor', agent: 'idle-agent', group: 'idle-group' });
    const served = await customerAskingForAgent(kefu.baseUrl);
    await idleFor(left.id, 31);
    await idleFor(active.id, 29);
    await idleFor(served.conversationId, 120);

    await kefu.app.get(IdleConversationCloser).sweep();

    const notice = await left.client.waitForPushed(left.lastSeq + 1);
    expect(notice).toMatchObject({ sender: 'system', text: expect.stringContaining('长时间没有新消息') });
    const states = await query<{ id: string; state: string }>(
      kefu,
      'SELECT id, state FROM conversations WHERE id = ANY($1)',
      [[left.id, active.id, served.conversationId]],
    );
    expect(Object.fromEntries(states.map((row) => [row.id, row.state]))).toEqual({
      [left.id]: 'closed',
      [active.id]: 'bot',
      [served.conversationId]: 'agent',
    });
    await expect(
      query(kefu, 'SELECT closed_by, disposition FROM conversation_closures WHERE conversation_id = $1', [left.id]),
    ).resolves.toEqual([{ closed_by: 'system:idle', disposition: 'idle' }]);
  });

  it('keeps a conversation open when the customer writes after it was found idle', async () => {
    const { client, id } = await chatWithBot('en');
    await idleFor(id, 45);
    await expect(kefu.app.get(ConversationRepository).idleWithBot(30, 1_000)).resolves.toContain(id);
    await client.call('send', { conversationId: id, clientMessageId: 'q-2', text: 'Are you still there?' });

    await expect(kefu.app.get(AgentConversations).closeIdle(id, 30)).resolves.toBe(false);
    await expect(query(kefu, 'SELECT state FROM conversations WHERE id = $1', [id])).resolves.toEqual([
      { state: 'bot' },
    ]);
  });

  it('answers a message to the closed conversation with a conflict naming it; the customer starts anew', async () => {
    const { client, id } = await chatWithBot('en');
    await idleFor(id, 31);
    await kefu.app.get(IdleConversationCloser).sweep();
    const after = await client.call('send', { conversationId: id, clientMessageId: 'q-3', text: 'Hello again' });
    expect(after).toMatchObject({
      ok: false,
      error: { statusCode: 409, message: expect.stringMatching(/^conversationId: .* is closed/) },
    });
    const again = await client.call('start', { language: 'en' });
    expect(again.conversation).toMatchObject({ state: 'bot' });
    expect(again.conversation.id).not.toBe(id);
  });
});
