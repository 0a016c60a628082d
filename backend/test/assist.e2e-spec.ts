import { Role } from '../src/common/access/index.ts';
import { eventually } from './harness/kefu-process.ts';
import { customerAskingForAgent, type StaffMember, signInStaff } from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

/** Agent assist: the published answers for the customer's last message and their mood, for the serving agent. */
describe('agent assist', () => {
  let kefu: TestApp;
  let supervisor: StaffMember;
  let serving: StaffMember;
  let stranger: StaffMember;

  beforeAll(async () => {
    kefu = await startTestApp({ env: { KEFU_KNOWLEDGE_SEED: 'true', KEFU_ROUTING_SWEEP_INTERVAL_MS: '200' } });
    supervisor = await signInStaff(kefu, 'assist-sup', [Role.Supervisor]);
    serving = await signInStaff(kefu, 'assist-a', [Role.Agent]);
    stranger = await signInStaff(kefu, 'assist-b', [Role.Agent]);
    const group = await supervisor.call('POST', '/api/v1/routing/groups', {
      name: 'assist-desk',
      strategy: 'least-busy',
      handoffDefault: true,
    });
    expect(group.status).toBe(201);
    expect((await supervisor.call('PUT', `/api/v1/routing/groups/${group.body.id}/members/${serving.id}`)).status).toBe(
      200,
    );
    expect((await serving.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' })).status).toBe(200);
  });
  afterAll(() => kefu.close());

  it("answers the serving agent the top three published answers for the customer's last message, with sentiment", async () => {
    const customer = await customerAskingForAgent(kefu.baseUrl);
    const path = `/api/v1/assist/conversations/${customer.conversationId}`;
    await eventually(async () => {
      const mine = await serving.call('GET', '/api/v1/routing/me');
      return mine.body.assigned.some(
        (entry: { conversationId: string }) => entry.conversationId === customer.conversationId,
      );
    }, 15_000);
    const asked = await customer.call('POST', `/api/v1/conversations/${customer.conversationId}/messages`, {
      clientMessageId: 'faq-1',
      text: '怎么办理借记卡？',
    });
    expect(asked.status).toBe(201);

    const assist = await serving.call('GET', path);
    expect(assist.status).toBe(200);
    expect(assist.body).toMatchObject({ conversationId: customer.conversationId, basedOnSeq: asked.body.message.seq });
    expect(assist.body.suggestions).toHaveLength(3);
    const [best] = assist.body.suggestions;
    expect(best.question).toContain('借记卡');
    expect(best.answer).toContain('身份证件');
    const confidences = assist.body.suggestions.map((each: { confidence: number }) => each.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(['anger', 'negative', 'neutral', 'positive']).toContain(assist.body.sentiment.label);

    // Another agent, not serving it, is refused; a supervisor may look.
    expect((await stranger.call('GET', path)).status).toBe(403);
    expect((await supervisor.call('GET', path)).status).toBe(200);
  });
});
