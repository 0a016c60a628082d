import { Role } from '../src/common/access/index.ts';
import { luhnCheckDigit } from '../src/common/personal-data/index.ts';
import { QualityInspector } from '../src/modules/quality/index.ts';
import { auditEvents } from './harness/audit-events.ts';
import {
  customerAskingForAgent,
  customerServedByAgent,
  type StaffMember,
  signInStaff,
} from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

type ScoredItem = { ruleId: string; passed: boolean; findings: Array<{ seq: number | null; evidence: string }> };

/** Quality inspection of real conversations: scored on close with the seeded scorecard, rules edited as data. */
describe('quality inspection', () => {
  let kefu: TestApp;
  let supervisor: StaffMember;
  let agent: StaffMember;
  const card = `622202020011223344${luhnCheckDigit('622202020011223344')}`;

  beforeAll(async () => {
    kefu = await startTestApp({ env: { KEFU_ROUTING_SWEEP_INTERVAL_MS: '200' } });
    supervisor = await signInStaff(kefu, 'qa-lead', [Role.Supervisor]);
    agent = await signInStaff(kefu, 'qa-agent', [Role.Agent]);
    const group = await supervisor.call('POST', '/api/v1/routing/groups', {
      name: 'quality',
      strategy: 'least-busy',
      handoffDefault: true,
    });
    await supervisor.call('PUT', `/api/v1/routing/groups/${group.body.id}/members/${agent.id}`);
    await agent.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' });
  });
  afterAll(() => kefu.close());

  /** A customer handed to the agent, who says `lines` and closes; answers the conversation id. */
  async function servedAndClosed(lines: string[]): Promise<string> {
    const customer = await customerServedByAgent(kefu);
    for (const [i, text] of lines.entries()) {
      const sent = await agent.call('POST', `/api/v1/agent/conversations/${customer.conversationId}/messages`, {
        clientMessageId: `q-${i}`,
        text,
      });
      expect(sent.status).toBe(201);
    }
    const closed = await agent.call('POST', `/api/v1/agent/conversations/${customer.conversationId}/close`, {
      disposition: 'resolved',
      summary: 'done',
    });
    expect(closed.status).toBe(200);
    await kefu.app.get(QualityInspector).flush();
    return customer.conversationId;
  }

  it('scores each closed conversation with the default scorecard, findings without personal data', async () => {
    const polite = await servedAndClosed(['您好，很高兴为您服务', '感谢您的耐心，祝您生活愉快']);
    const [good] = (await supervisor.call('GET', `/api/v1/quality/conversations/${polite}/scores`)).body;
    expect(good).toMatchObject({ scorecardId: 'standard', scorecardVersion: 1, total: 100 });

    const careless = await servedAndClosed([`我不知道，你的卡号${card}我看一下`, '好了']);
    const scores = await supervisor.call('GET', `/api/v1/quality/conversations/${careless}/scores`);
    expect(scores.status).toBe(200);
    const [score] = scores.body;
    const items: ScoredItem[] = score.items;
    const failed = Object.fromEntries(items.filter((item) => !item.passed).map((item) => [item.ruleId, item.findings]));
    expect(Object.keys(failed).sort()).toEqual(['closing', 'forbidden-words', 'greeting', 'personal-data-in-full']);
    expect(failed['forbidden-words']).toEqual([expect.objectContaining({ evidence: 'said "不知道"' })]);
    expect(failed['personal-data-in-full']?.[0]?.evidence).toMatch(/^bank-card in full: 622202\*+/);
    expect(JSON.stringify(scores.body)).not.toContain(card);
    // 100 − greeting 10 − closing 10 − forbidden words 20 − personal data 15
    expect(score.total).toBe(45);

    const again = await supervisor.call('POST', `/api/v1/quality/conversations/${careless}/scores`, {});
    expect(again.status).toBe(201);
    expect(again.body.total).toBe(score.total);
    expect((await agent.call('GET', `/api/v1/quality/conversations/${careless}/scores`)).status).toBe(403);
  });

  it('queues low scores for review; the agent appeals; someone other than the reviewer decides; reports count it', async () => {
    const started = new Date().toISOString();
    const conversationId = await servedAndClosed(['请稍等', '我不知道']);
    const key = `${conversationId}/standard`;
    const queue = await supervisor.call('GET', '/api/v1/quality/reviews?state=pending');
    const queued = queue.body.find((review: { conversationId: string }) => review.conversationId === conversationId);
    expect(queued).toMatchObject({ scorecardId: 'standard', reason: 'low-score', state: 'pending' });

    const early = await agent.call('POST', `/api/v1/quality/reviews/${key}/appeal`, { reason: '我有话说' });
    expect(early.status).toBe(409);
    const reviewed = await supervisor.call('POST', `/api/v1/quality/reviews/${key}/review`, {
      total: 60,
      comment: '开场白和结束语都缺了',
    });
    expect(reviewed.body).toMatchObject({ state: 'reviewed', reviewerId: supervisor.id, reviewedTotal: 60 });
    const stranger = await signInStaff(kefu, 'qa-other-agent', [Role.Agent]);
    expect((await stranger.call('POST', `/api/v1/quality/reviews/${key}/appeal`, { reason: 'x' })).status).toBe(403);
    const appealed = await agent.call('POST', `/api/v1/quality/reviews/${key}/appeal`, { reason: '客户要求快速处理' });
    expect(appealed.body).toMatchObject({ state: 'appealed', appealedBy: agent.id });

    const ownReview = await supervisor.call('POST', `/api/v1/quality/reviews/${key}/decision`, {
      upheld: true,
      total: 90,
      comment: '维持',
    });
    expect(ownReview.status).toBe(403);
    expect(ownReview.body.error).toBe('self_approval');
    const secondLead = await signInStaff(kefu, 'qa-lead-2', [Role.Supervisor]);
    const noTotal = await secondLead.call('POST', `/api/v1/quality/reviews/${key}/decision`, {
      upheld: true,
      comment: '申诉成立',
    });
    expect(new Set(noTotal.body.violations.map((violation: { field: string }) => violation.field))).toEqual(
      new Set(['total']),
    );
    const decided = await secondLead.call('POST', `/api/v1/quality/reviews/${key}/decision`, {
      upheld: true,
      total: 75,
      comment: '申诉成立',
    });
    expect(decided.body).toMatchObject({ state: 'decided', upheld: true, finalTotal: 75, decidedBy: secondLead.id });

    const mine = await agent.call('GET', '/api/v1/quality/my-scores');
    const own = mine.body.find((score: { conversationId: string }) => score.conversationId === conversationId);
    expect(own.review).toMatchObject({ state: 'decided', finalTotal: 75 });
    const to = new Date(Date.now() + 60_000).toISOString();
    const report = await supervisor.call(
      'GET',
      `/api/v1/quality/reports/agents?scorecardId=standard&from=${started}&to=${to}`,
    );
    expect(report.body).toEqual([
      {
        agentId: agent.id,
        conversations: 1,
        averageTotal: 75,
        failures: { greeting: 1, closing: 1, 'forbidden-words': 1 },
      },
    ]);
  });

  it('reports by team: every skill group, each conversation counted for every team of an agent who served it', async () => {
    const started = new Date().toISOString();
    const vip = await supervisor.call('POST', '/api/v1/routing/groups', { name: 'vip', strategy: 'least-busy' });
    await supervisor.call('PUT', `/api/v1/routing/groups/${vip.body.id}/members/${agent.id}`);
    const idle = await supervisor.call('POST', '/api/v1/routing/groups', { name: 'idle', strategy: 'least-busy' });
    const conversationId = await servedAndClosed(['您好', '我不知道', '感谢您，再见']);

    const to = new Date(Date.now() + 60_000).toISOString();
    const report = await supervisor.call(
      'GET',
      `/api/v1/quality/reports/teams?scorecardId=standard&from=${started}&to=${to}`,
    );
    expect(report.status).toBe(200);
    const byName = Object.fromEntries(report.body.map((row: { name: string }) => [row.name, row]));
    // 100 − forbidden words 20; the agent is in both "quality" and "vip", so both teams count the conversation.
    for (const team of ['quality', 'vip'])
      expect(byName[team]).toMatchObject({
        memberIds: [agent.id],
        conversations: 1,
        averageTotal: 80,
        failures: { 'forbidden-words': 1 },
      });
    expect(byName.idle).toEqual({
      teamId: idle.body.id,
      name: 'idle',
      memberIds: [],
      conversations: 0,
      averageTotal: null,
      failures: {},
    });

    const noPeriod = await supervisor.call('GET', '/api/v1/quality/reports/teams?scorecardId=standard');
    expect(noPeriod.status).toBe(400);
    expect(new Set(noPeriod.body.violations.map((violation: { field: string }) => violation.field))).toEqual(
      new Set(['from', 'to']),
    );
    expect(
      (await agent.call('GET', `/api/v1/quality/reports/teams?scorecardId=standard&from=${started}&to=${to}`)).status,
    ).toBe(403);

    // The reviewer reads what was scored, masked like every screen; an agent does not get it through this route.
    const transcript = await supervisor.call('GET', `/api/v1/quality/conversations/${conversationId}/transcript`);
    expect(transcript.body.messages.map((message: { text: string }) => message.text)).toContain('我不知道');
    const reads = await auditEvents(kefu, { action: 'conversation.transcript-read', targetId: conversationId });
    expect(reads.map(({ actorId, details }) => ({ actorId, details }))).toEqual([
      { actorId: supervisor.id, details: { via: 'quality-review' } },
    ]);
    expect((await agent.call('GET', `/api/v1/quality/conversations/${conversationId}/transcript`)).status).toBe(403);
    const unscored = await customerAskingForAgent(kefu.baseUrl);
    const notScored = await supervisor.call(
      'GET',
      `/api/v1/quality/conversations/${unscored.conversationId}/transcript`,
    );
    expect(notScored.status).toBe(404);
  });

  it('lets supervisors change rules and scorecards as data, audited, and refuses bad ones naming the field', async () => {
    const bad = await supervisor.call('PUT', '/api/v1/quality/rules/slow-reply', {
      name: '回复超时',
      spec: { kind: 'reply-time', maxSeconds: -5 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.violations).toEqual([expect.objectContaining({ field: 'spec.maxSeconds', rule: 'too_small' })]);
    const unknownKind = await supervisor.call('PUT', '/api/v1/quality/rules/odd', {
      name: 'x',
      spec: { kind: 'vibes' },
    });
    expect(unknownKind.body.violations[0]).toMatchObject({ field: 'spec.kind' });

    const saved = await supervisor.call('PUT', '/api/v1/quality/rules/forbidden-words', {
      name: '服务禁用语',
      spec: { kind: 'forbidden-phrases', phrases: ['好了'] },
    });
    expect(saved.body).toMatchObject({ id: 'forbidden-words', version: 2, updatedBy: supervisor.id });
    const conversation = await servedAndClosed(['您好', '好了，感谢您']);
    const [score] = (await supervisor.call('GET', `/api/v1/quality/conversations/${conversation}/scores`)).body;
    const forbidden = score.items.find((item: { ruleId: string }) => item.ruleId === 'forbidden-words');
    expect(forbidden).toMatchObject({ passed: false, findings: [{ evidence: 'said "好了"' }] });
    expect(score.rules).toContainEqual({
      id: 'forbidden-words',
      name: '服务禁用语',
      spec: { kind: 'forbidden-phrases', phrases: ['好了'] },
    });

    const inUse = await supervisor.call('DELETE', '/api/v1/quality/rules/forbidden-words');
    expect(inUse.status).toBe(409);
    const badCard = await supervisor.call('PUT', '/api/v1/quality/scorecards/strict', {
      name: '严格',
      isDefault: false,
      items: [{ ruleId: 'no-such-rule', weight: 1 }],
    });
    expect(badCard.body.violations).toEqual([
      expect.objectContaining({ field: 'items.0.ruleId', rule: 'existingRule' }),
    ]);
    const strict = await supervisor.call('PUT', '/api/v1/quality/scorecards/strict', {
      name: '严格',
      isDefault: false,
      items: [{ ruleId: 'forbidden-words', weight: 1 }],
    });
    expect(strict.status).toBe(200);
    const rescored = await supervisor.call('POST', `/api/v1/quality/conversations/${conversation}/scores`, {
      scorecardId: 'strict',
    });
    expect(rescored.body).toMatchObject({ scorecardId: 'strict', total: 0 });

    const changes = await auditEvents(kefu, { action: 'config.change', targetType: 'quality-rule' });
    expect(changes.map((event) => event.targetId)).toContain('forbidden-words');
  });
});
