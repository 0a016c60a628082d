import {
  agentOnDuty,
  api,
  customerServedByAgent,
  query,
  type StaffMember,
  type WaitingCustomer,
} from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';
import { visitorToken } from './harness/widget-client.ts';

/**
 * Facts analytics records where they happen: the post-chat survey (CSAT, one rating per closed conversation, only
 * from its own visitor) and the knowledge item each bot answer used.
 */
describe('facts recorded for analytics', () => {
  let kefu: TestApp;
  let supervisor: StaffMember;
  let agent: StaffMember;

  beforeAll(async () => {
    kefu = await startTestApp({ env: { KEFU_ROUTING_SWEEP_INTERVAL_MS: '200', KEFU_KNOWLEDGE_SEED: 'true' } });
    ({ supervisor, agent } = await agentOnDuty(kefu, { supervisor: 'csat-lead', agent: 'csat-agent', group: 'csat' }));
  });
  afterAll(() => kefu.close());

  async function close(customer: WaitingCustomer): Promise<void> {
    const closed = await agent.call('POST', `/api/v1/agent/conversations/${customer.conversationId}/close`, {
      disposition: 'resolved',
      summary: 'done',
    });
    expect(closed.status).toBe(200);
  }

  const rate = (customer: WaitingCustomer, body: unknown) =>
    customer.call('POST', `/api/v1/conversations/${customer.conversationId}/rating`, body);

  it('stores one rating per closed conversation, answers a resend with it and refuses a change', async () => {
    const customer = await customerServedByAgent(kefu);
    const early = await rate(customer, { rating: 5 });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/^rating: .* not closed yet/);

    await close(customer);
    const rating = { rating: 4, comment: '回复很快，我的手机号 13800138000' };
    const first = await rate(customer, rating);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ conversationId: customer.conversationId, rating: 4 });
    expect(first.body.comment).toContain('回复很快');
    expect(first.body.comment).not.toContain('13800138000');

    const resend = await rate(customer, rating);
    expect(resend.status).toBe(200);
    expect(resend.body).toEqual(first.body);
    const changed = await rate(customer, { rating: 1 });
    expect(changed.status).toBe(409);
    expect(changed.body.message).toMatch(/^rating: .* rated already/);

    const rows = await query(kefu, 'SELECT rating FROM conversation_ratings WHERE conversation_id = $1', [
      customer.conversationId,
    ]);
    expect(rows).toEqual([{ rating: 4 }]);
    const report = await supervisor.call('GET', '/api/v1/analytics/report');
    expect(report.body.csat).toMatchObject({ ratings: 1, average: 4, satisfiedRate: 1, distribution: [0, 0, 0, 1, 0] });
  });

  it("refuses another visitor's rating as if the conversation did not exist", async () => {
    const customer = await customerServedByAgent(kefu);
    await close(customer);
    const stranger = { ...customer, token: await visitorToken(kefu.baseUrl) };
    const response = await fetch(`${kefu.baseUrl}/api/v1/conversations/${customer.conversationId}/rating`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stranger.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rating: 1 }),
    });
    expect(response.status).toBe(404);
    const staff = await supervisor.call('POST', `/api/v1/conversations/${customer.conversationId}/rating`, {
      rating: 1,
    });
    // A staff token is not a visitor token: the survey route does not know the caller at all.
    expect(staff.status).toBe(401);
    const rows = await query(kefu, 'SELECT 1 FROM conversation_ratings WHERE conversation_id = $1', [
      customer.conversationId,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('records the knowledge item a bot answer used, and counts it among the FAQ hits', async () => {
    const visitor = await visitorToken(kefu.baseUrl);
    const started = await api(kefu.baseUrl, visitor, 'POST', '/api/v1/conversations', { language: 'zh' });
    const id = started.body.conversation.id;
    const sent = await api(kefu.baseUrl, visitor, 'POST', `/api/v1/conversations/${id}/messages`, {
      clientMessageId: 'ask',
      text: '怎么办理借记卡？',
    });
    const [answer] = sent.body.replies;
    expect(answer).toMatchObject({ kind: 'answer', itemId: expect.any(String) });
    const rows = await query(
      kefu,
      'SELECT item_id FROM conversation_messages WHERE conversation_id = $1 AND seq = $2',
      [id, answer.seq],
    );
    expect(rows).toEqual([{ item_id: answer.itemId }]);
    const since = encodeURIComponent(started.body.conversation.createdAt);
    const report = await supervisor.call('GET', `/api/v1/analytics/report?from=${since}`);
    expect(report.body.faq.hits).toEqual([{ id: answer.itemId, question: expect.any(String), count: 1 }]);
    expect(report.body.conversations).toMatchObject({ engaged: 1, botResolved: 1, botTurns: 1 });
  });

  it('names the field and the rule of a bad rating', async () => {
    const customer = await customerServedByAgent(kefu);
    await close(customer);
    for (const [body, field, rule] of [
      [{ rating: 6 }, 'rating', 'max'],
      [{ rating: 0 }, 'rating', 'min'],
      [{ rating: 3.5 }, 'rating', 'isInt'],
      [{}, 'rating', 'isInt'],
      [{ rating: 3, comment: 'x'.repeat(501) }, 'comment', 'maxLength'],
      [{ rating: 3, stars: 3 }, 'stars', 'unknownProperty'],
    ] as const) {
      const response = await rate(customer, body);
      expect(response.status).toBe(400);
      expect(response.body.violations).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
  });
});
