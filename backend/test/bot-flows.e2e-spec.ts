import { Client } from 'pg';
import { Role } from '../src/common/access/index.ts';
import { lostCardFlow } from '../src/modules/bot/flows/lost-card-flow.ts';
import { botConversation, startBotTestApp } from './fixtures/bot-conversation.ts';
import { CardService } from './fixtures/card-service.ts';
import { residentIdNumber, seededRandom } from './fixtures/personal-data-generators.ts';
import { auditEvents } from './harness/audit-events.ts';
import { staffToken } from './harness/staff-token.ts';
import type { TestApp } from './harness/test-app.ts';

/** The lost-card flow Kefu ships with, against a card service on a local port, and trainers editing flows. */
describe('bot flows', () => {
  let cards: CardService;
  let kefu: TestApp;
  let trainer: string;
  const idNumber = residentIdNumber(seededRandom(7));

  beforeAll(async () => {
    cards = await CardService.start();
    kefu = await startBotTestApp({ KEFU_BOT_ENDPOINTS: JSON.stringify({ 'card-service': cards.url }) });
    trainer = await staffToken(kefu, [Role.Trainer]);
  });
  afterAll(async () => {
    await kefu.close();
    await cards.stop();
  });
  beforeEach(() => {
    cards.requests.length = 0;
    cards.behaviour = 'accept';
  });

  const saveFlow = (id: string, body: object, token = trainer) =>
    fetch(`${kefu.baseUrl}/api/v1/bot/flows/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('reports a lost card: identity, last four digits, confirmation, the call, and a clean ending', async () => {
    const conversation = botConversation(kefu);
    const started = await conversation.say('我的借记卡丢了');
    expect(started.messages).toEqual([{ kind: 'flow', text: expect.stringContaining('身份证') }]);
    expect(started.reading.flow).toEqual({ id: 'report-lost-card', step: 'idNumber', slots: {} });

    const wrongId = await conversation.say(`${idNumber.slice(0, 17)}${idNumber.endsWith('1') ? '2' : '1'}`);
    expect(wrongId.messages).toEqual([{ kind: 'flow', text: expect.stringContaining('校验未通过') }]);

    const afterId = await conversation.say(`我的身份证号是${idNumber}`);
    expect(afterId.reading.flow).toMatchObject({
      step: 'cardLast4',
      slots: { idNumber: expect.stringMatching(/^\*+/) },
    });
    expect(JSON.stringify(afterId)).not.toContain(idNumber);
    expect(await storedStates(conversation.conversationId)).not.toContain(idNumber.slice(6, 14));

    const confirming = await conversation.say('尾号１２３４');
    expect(confirming.messages).toEqual([{ kind: 'flow', text: expect.stringContaining('尾号1234') }]);

    const done = await conversation.say('是的');
    expect(done.messages).toEqual([{ kind: 'flow', text: expect.stringContaining('已为您挂失尾号1234的卡') }]);
    expect(done.handoff).toBeUndefined();
    expect(done.reading.flow).toBeUndefined();
    expect(cards.requests).toEqual([
      { method: 'POST', path: '/cards/report-lost', body: { idNumber, cardLast4: '1234' } },
    ]);
    expect(await storedStates(conversation.conversationId)).toBe('[{"flow_id":null,"flow_slots":null}]');
  });

  it('runs in English too and lets the customer cancel half-way', async () => {
    const conversation = botConversation(kefu);
    expect((await conversation.say('I lost my debit card')).reading.flow?.id).toBe('report-lost-card');
    const cancelled = await conversation.say('cancel');
    expect(cancelled.messages).toEqual([{ kind: 'flow', text: expect.stringContaining('cancelled') }]);
    expect(cancelled.reading.flow).toBeUndefined();
    expect(cards.requests).toEqual([]);
  });

  it('hands off when the customer asks for a person in the middle of a flow', async () => {
    const conversation = botConversation(kefu);
    await conversation.say('我的借记卡丢了');
    expect((await conversation.say('转人工')).handoff).toEqual({ reason: 'asked' });
  });

  it('tells the customer cleanly and hands off when the card service times out on every attempt', async () => {
    const edited = await saveFlow('report-lost-card', {
      triggers: lostCardFlow.triggers,
      enabled: true,
      definition: {
        ...lostCardFlow.definition,
        action: { ...lostCardFlow.definition.action, timeoutMs: 300, retries: 1 },
      },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ id: 'report-lost-card', version: 2 });
    cards.behaviour = 'hang';

    const conversation = botConversation(kefu);
    for (const text of ['信用卡丢了怎么挂失？', idNumber, '5678']) await conversation.say(text);
    const failed = await conversation.say('确认');
    expect(failed.messages).toEqual([{ kind: 'handoff', text: expect.stringContaining('您的卡尚未挂失') }]);
    expect(failed.handoff).toEqual({ reason: 'flow' });
    expect(failed.reading.flow).toEqual({
      id: 'report-lost-card',
      step: 'confirm',
      slots: { idNumber: `**************${idNumber.slice(-4)}`, cardLast4: '5678' },
    });
    expect(cards.requests).toHaveLength(2);

    const changes = await auditEvents(kefu, { action: 'bot.flow.change', targetId: 'report-lost-card' });
    expect(changes.map((event) => event.details)).toEqual([
      { operation: 'update', version: 2, enabled: true, triggers: lostCardFlow.triggers, endpoint: 'card-service' },
    ]);
  });

  it('hands off with the refusal of the bank when the card service answers 4xx, without retrying', async () => {
    cards.behaviour = 'reject';
    const conversation = botConversation(kefu);
    for (const text of ['I lost my credit card', idNumber, '4321']) await conversation.say(text);
    const refused = await conversation.say('yes');
    expect(refused.messages).toEqual([
      { kind: 'handoff', text: expect.stringContaining('could not block the card ending in 4321') },
    ]);
    expect(refused.handoff).toEqual({ reason: 'flow' });
    expect(cards.requests).toHaveLength(1);
  });

  it('refuses a flow that names an endpoint outside the allow-list, naming the field', async () => {
    const response = await saveFlow('close-account', {
      triggers: ['zh-account-close'],
      enabled: true,
      definition: {
        ...lostCardFlow.definition,
        action: { ...lostCardFlow.definition.action, endpoint: 'core-banking' },
      },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'validation_failed',
      violations: [{ field: 'definition.action.endpoint', rule: 'allowListedEndpoint', message: expect.any(String) }],
    });
    const missing = await fetch(`${kefu.baseUrl}/api/v1/bot/flows/close-account`, {
      headers: { authorization: `Bearer ${trainer}` },
    });
    expect(missing.status).toBe(404);
  });

  it('names every broken field of a definition', async () => {
    const { slots } = lostCardFlow.definition;
    const response = await saveFlow('broken', {
      triggers: ['zh-account-close'],
      enabled: true,
      definition: {
        ...lostCardFlow.definition,
        slots: [
          { ...slots[0], validator: { kind: 'digits', length: 0 } },
          { ...slots[1], validator: { kind: 'regex', pattern: '(' } },
        ],
      },
    });
    expect(response.status).toBe(400);
    const { violations } = (await response.json()) as { violations: { field: string }[] };
    expect(violations.map((violation) => violation.field).sort()).toEqual([
      'definition.slots.0.validator.length',
      'definition.slots.1.validator.pattern',
    ]);
  });

  it('refuses a second enabled flow on a trigger that already starts one', async () => {
    const response = await saveFlow('lost-card-copy', {
      triggers: ['zh-card-lost-debit'],
      enabled: true,
      definition: lostCardFlow.definition,
    });
    expect(response.status).toBe(409);
  });

  it('lets only trainers edit flows', async () => {
    const agent = await staffToken(kefu, [Role.Agent]);
    expect((await saveFlow('report-lost-card', {}, agent)).status).toBe(403);
  });

  async function storedStates(conversationId: string): Promise<string> {
    const client = new Client({ connectionString: kefu.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT flow_id, encode(flow_slots, $2) AS flow_slots FROM bot_dialogue_states WHERE conversation_id = $1',
        [conversationId, 'escape'],
      );
      return JSON.stringify(rows);
    } finally {
      await client.end();
    }
  }
});
