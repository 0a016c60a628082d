import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { type SeededMonth, seedAnalyticsMonth } from '../src/bench/analytics-month.ts';
import { Role } from '../src/common/access/index.ts';
import { type Filter, type RawRows, recompute } from './fixtures/analytics-recomputation.ts';
import { auditEvents } from './harness/audit-events.ts';
import { api, query, type StaffMember, signInStaff } from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

/**
 * Issue 8's acceptance: on a seeded month (≥ 50,000 messages) every figure the API reports equals a recomputation from
 * the raw rows, under each filter; the export carries the same figures and is audited.
 */
describe('analytics over a seeded month', () => {
  let kefu: TestApp;
  let supervisor: StaffMember;
  let month: SeededMonth;
  let raw: RawRows;

  beforeAll(async () => {
    kefu = await startTestApp();
    supervisor = await signInStaff(kefu, 'analytics-lead', [Role.Supervisor]);
    const dataSource = kefu.app.get(DataSource);
    month = await seedAnalyticsMonth((sql, values) => dataSource.query(sql, values));
    raw = {
      conversations: await query(kefu, 'SELECT id, channel, created_at, closed_at FROM conversations'),
      messages: await query(
        kefu,
        'SELECT conversation_id, seq, sender_kind, kind, reply_to, item_id, created_at FROM conversation_messages',
      ),
      participants: await query(kefu, 'SELECT * FROM conversation_participants'),
      queue: await query(kefu, 'SELECT conversation_id, group_id, enqueued_at FROM routing_queue'),
      unanswered: await query(kefu, 'SELECT conversation_id, best_label FROM bot_unanswered_questions'),
      ratings: await query(kefu, 'SELECT conversation_id, rating FROM conversation_ratings'),
      presence: await query(kefu, 'SELECT id, agent_id, presence, capacity, changed_at FROM agent_presence_changes'),
      members: await query(kefu, 'SELECT group_id, agent_id FROM routing_group_members'),
    };
  }, 60_000);
  afterAll(() => kefu.close());

  async function report(filter: Filter) {
    const params = new URLSearchParams({
      from: filter.from.toISOString(),
      to: filter.to.toISOString(),
      timeZone: filter.timeZone,
    });
    if (filter.channel) params.set('channel', filter.channel);
    if (filter.groupId) params.set('groupId', filter.groupId);
    const response = await supervisor.call('GET', `/api/v1/analytics/report?${params}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** Every figure, compared with the recomputation: counts exactly, averages and rates to floating-point noise. */
  function expectSameFigures(reported: ReturnType<typeof recompute> & Record<string, unknown>, filter: Filter) {
    const expected = recompute(raw, filter);
    const close = (actual: number | null, wanted: number | null) => {
      if (wanted === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(wanted, 6);
    };
    const counts = ['total', 'engaged', 'botResolved', 'handedOff', 'botTurns', 'unanswered'] as const;
    for (const name of counts)
      expect([name, reported.conversations[name]]).toEqual([name, expected.conversations[name]]);
    for (const name of ['botResolutionRate', 'handoffRate', 'unansweredRate'] as const) {
      close(reported.conversations[name], expected.conversations[name]);
    }
    const ranked = (list: Array<{ id: string; count: number }>) => list.map(({ id, count }) => ({ id, count }));
    const faq = reported.faq as {
      hits: Array<{ id: string; count: number }>;
      misses: Array<{ id: string; count: number }>;
    };
    expect(ranked(faq.hits)).toEqual(expected.faqHits);
    expect(ranked(faq.misses)).toEqual(expected.faqMisses);
    expect(reported.csat.ratings).toBe(expected.csat.ratings);
    expect(reported.csat.distribution).toEqual(expected.csat.distribution);
    close(reported.csat.average, expected.csat.average);
    close(reported.csat.satisfiedRate, expected.csat.satisfiedRate);
    for (const [name, value] of Object.entries(expected.service)) {
      close((reported.service as unknown as Record<string, number | null>)[name] ?? null, value);
    }
    close(reported.agents.occupancy, expected.agents.occupancy);
    expect(reported.agents.agents.map((a) => a.agentId)).toEqual(expected.agents.agents.map((a) => a.agentId));
    for (const [i, agent] of expected.agents.agents.entries()) {
      const actual = reported.agents.agents[i] as (typeof expected.agents.agents)[number];
      expect(actual.conversations).toBe(agent.conversations);
      close(actual.servedSeconds, agent.servedSeconds);
      close(actual.availableSeconds, agent.availableSeconds);
      close(actual.seatSeconds, agent.seatSeconds);
      close(actual.occupancy, agent.occupancy);
    }
    expect(reported.volume).toEqual(expected.volume);
    return expected;
  }

  it('seeds a month of at least 50,000 messages', () => {
    expect(month.messages).toBeGreaterThanOrEqual(50_000);
    expect(raw.messages).toHaveLength(month.messages);
  });

  it('reports the whole month as a recomputation from the raw rows finds it', async () => {
    const filter = { from: month.from, to: month.to, timeZone: 'Asia/Shanghai' };
    const expected = expectSameFigures(await report(filter), filter);
    // The seed leaves nothing degenerate: every figure has something to count.
    expect(expected.conversations.total).toBeGreaterThan(5_000);
    expect(expected.conversations.total).toBeLessThan(raw.conversations.length);
    expect(expected.csat.ratings).toBeGreaterThan(500);
    expect(expected.service.responses).toBeGreaterThan(1_000);
    expect(expected.agents.agents).toHaveLength(6);
    // Every agent was available for part of the month and served in part of it; two changed capacity on the way.
    for (const agent of expected.agents.agents) {
      expect(agent.occupancy).toBeGreaterThan(0);
      expect(agent.occupancy).toBeLessThan(1);
    }
    const seatsOf = (agentId: string) =>
      new Set(raw.presence.filter((r) => r.agent_id === agentId).map((r) => r.capacity));
    expect(seatsOf(month.agentIds[0] as string).size).toBe(2);
    expect(expected.volume.daily).toHaveLength(31);
  });

  it('filters by channel, by skill group and by a shorter range in another time zone', async () => {
    expectSameFigures(await report({ from: month.from, to: month.to, channel: 'api', timeZone: 'Asia/Shanghai' }), {
      from: month.from,
      to: month.to,
      channel: 'api',
      timeZone: 'Asia/Shanghai',
    });
    const tenDays = {
      from: new Date('2026-10-10T00:00:00Z'),
      to: new Date('2026-10-20T00:00:00Z'),
      groupId: month.groupIds[1],
      timeZone: 'UTC',
    };
    const expected = expectSameFigures(await report(tenDays), tenDays);
    expect(expected.conversations.botResolved).toBe(0);
    expect(expected.service.servedFromQueue).toBeGreaterThan(50);
  });

  it('counts the presence an agent had when the range began, and nothing after the range ended', async () => {
    const filter = { from: new Date('2026-10-12T03:00:00Z'), to: new Date('2026-10-12T09:00:00Z'), timeZone: 'UTC' };
    const presenceAt = (agentId: string, at: Date) =>
      raw.presence
        .filter((row) => row.agent_id === agentId && row.changed_at <= at)
        .sort((a, b) => a.changed_at.getTime() - b.changed_at.getTime())
        .at(-1)?.presence;
    // The range cuts through stretches of work: some agents were available before it began and still after it ended.
    const working = (at: Date) =>
      month.agentIds.filter((agentId) => ['online', 'busy'].includes(presenceAt(agentId, at) ?? 'offline'));
    expect(working(filter.from).length).toBeGreaterThan(0);
    expect(working(filter.to).length).toBeGreaterThan(0);
    const expected = expectSameFigures(await report(filter), filter);
    expect(expected.agents.occupancy).toBeGreaterThan(0);
  });

  it('exports the same figures as CSV and Excel, each export recorded in the audit trail', async () => {
    const params = `from=${month.from.toISOString()}&to=${month.to.toISOString()}`;
    const csv = await fetch(`${kefu.baseUrl}/api/v1/analytics/export?${params}&format=csv`, {
      headers: { authorization: `Bearer ${supervisor.token}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('kefu-analytics-2026-09-30-2026-10-31.csv');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    const expected = recompute(raw, { from: month.from, to: month.to, timeZone: 'Asia/Shanghai' });
    expect(lines[0]).toBe('figure,key,value');
    expect(lines).toContain(`conversations.total,,${expected.conversations.total}`);
    expect(lines).toContain(`faq.hits,${expected.faqHits[0]?.id},${expected.faqHits[0]?.count}`);

    const xlsx = await fetch(`${kefu.baseUrl}/api/v1/analytics/export?${params}&format=xlsx`, {
      headers: { authorization: `Bearer ${supervisor.token}` },
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('analytics');
    const cells = sheet?.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1).join(',') : ''));
    expect(cells).toContain(`csat.ratings,,${expected.csat.ratings}`);

    const events = await auditEvents(kefu, { action: 'export.report' });
    expect(events.map((event) => event.details.format).sort()).toEqual(['csv', 'xlsx']);
    expect(events[0]).toMatchObject({ actorId: supervisor.id, outcome: 'success', targetType: 'analytics-report' });
  });

  it('lets only holders of the analytics permissions read and export, and names the field of a bad filter', async () => {
    const agent = await signInStaff(kefu, 'analytics-agent', [Role.Agent]);
    expect((await agent.call('GET', '/api/v1/analytics/report')).status).toBe(403);
    expect((await agent.call('GET', '/api/v1/analytics/export?format=csv')).status).toBe(403);
    const backwards = await supervisor.call(
      'GET',
      `/api/v1/analytics/report?from=${month.to.toISOString()}&to=${month.from.toISOString()}`,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toMatch(/^from: /);
    const bad = await api(
      kefu.baseUrl,
      supervisor.token,
      'GET',
      '/api/v1/analytics/report?timeZone=Mars/Olympus&channel=fax',
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('timeZone');
    expect(JSON.stringify(bad.body)).toContain('channel');
  });
});
