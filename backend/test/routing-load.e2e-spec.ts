import { Role } from '../src/common/access/index.ts';
import type { ChatMessage } from '../src/modules/conversations/index.ts';
import { eventually } from './harness/kefu-process.ts';
import {
  customerAskingForAgent,
  query,
  type StaffMember,
  signInStaff,
  type WaitingCustomer,
} from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const AGENTS = 20;
const CAPACITY = 5;
const CUSTOMERS = 200;

/**
 * 200 customers ask for a person at once, through two app replicas on one database whose dispatchers race for the
 * same queue, over 20 agents of capacity 5: 100 are served, 100 wait in order, a freed seat goes to the head of the
 * queue, and when every agent leaves, the rest overflow into leave-a-message tickets.
 */
describe('routing under load: 200 customers, 20 agents, two replicas', () => {
  let replicas: [TestApp, TestApp];
  let supervisor: StaffMember;
  const agents: StaffMember[] = [];
  const customers: WaitingCustomer[] = [];

  beforeAll(async () => {
    const env = { KEFU_ROUTING_SWEEP_INTERVAL_MS: '100' };
    const first = await startTestApp({ env });
    replicas = [first, await startTestApp({ env, databaseUrl: first.databaseUrl })];
    supervisor = await signInStaff(first, 'load-supervisor', [Role.Supervisor]);
    const group = await supervisor.call('POST', '/api/v1/routing/groups', {
      name: 'general',
      strategy: 'least-busy',
      handoffDefault: true,
    });
    for (let n = 0; n < AGENTS; n++) {
      const agent = await signInStaff(first, `load-agent-${n}`, [Role.Agent]);
      await supervisor.call('PUT', `/api/v1/routing/groups/${group.body.id}/members/${agent.id}`);
      await supervisor.call('PUT', `/api/v1/routing/agents/${agent.id}/capacity`, { capacity: CAPACITY });
      await agent.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' });
      agents.push(agent);
    }
  }, 120_000);
  afterAll(async () => {
    await replicas[1].close();
    await replicas[0].close();
  });

  const queueRows = () =>
    query<{ conversation_id: string; state: string; agent_id: string | null; enqueued_at: Date }>(
      replicas[0],
      'SELECT conversation_id, state, agent_id, enqueued_at FROM routing_queue ORDER BY enqueued_at, conversation_id',
    );

  async function settledQueue(expected: Record<string, number>) {
    await eventually(async () => {
      const counts: Record<string, number> = {};
      for (const row of await queueRows()) counts[row.state] = (counts[row.state] ?? 0) + 1;
      const sorted = (record: Record<string, number>) => JSON.stringify(Object.entries(record).sort());
      return sorted(counts) === sorted(expected);
    }, 60_000);
    return queueRows();
  }

  it('serves 100 at once without exceeding any capacity or assigning anyone twice; the rest wait in order', async () => {
    // A fresh installation has no transcripts key yet. Creating it is a lookup on a connection of its own, taken by
    // the first send from inside its transaction; 40 first sends at once on an empty database would hold the pool
    // while it waits (a restarted replica loads its key at start, and keys for the coming month are made ahead, so
    // this is the first burst of a fresh installation only). The first message per replica creates it here.
    for (const replica of replicas) await customerAskingForAgent(replica.baseUrl).then((c) => customers.push(c));
    const asks = Array.from({ length: CUSTOMERS - customers.length }, (_, n) => replicas[n % 2].baseUrl);
    for (let start = 0; start < asks.length; start += 40) {
      customers.push(...(await Promise.all(asks.slice(start, start + 40).map((url) => customerAskingForAgent(url)))));
    }
    const rows = await settledQueue({ assigned: AGENTS * CAPACITY, waiting: CUSTOMERS - AGENTS * CAPACITY });

    const perAgent = await query<{ agent_id: string; active: number; assigned: number }>(
      replicas[0],
      `SELECT a.agent_id, a.active, (SELECT count(*)::int FROM routing_queue q
         WHERE q.agent_id = a.agent_id AND q.state = 'assigned') AS assigned FROM routing_agents a`,
    );
    expect(perAgent).toHaveLength(AGENTS);
    for (const agent of perAgent) expect(agent).toMatchObject({ active: CAPACITY, assigned: CAPACITY });

    // Every agent join ever recorded: one per served conversation, none for a waiting one.
    const joins = await query<{ conversation_id: string; joins: number }>(
      replicas[0],
      `SELECT conversation_id, count(*)::int AS joins FROM conversation_participants
       WHERE participant_kind = 'agent' GROUP BY conversation_id`,
    );
    const assigned = rows.filter((row) => row.state === 'assigned');
    expect(joins).toHaveLength(assigned.length);
    expect(joins.every((row) => row.joins === 1)).toBe(true);
    expect(new Set(joins.map((row) => row.conversation_id))).toEqual(new Set(assigned.map((r) => r.conversation_id)));

    // First come, first served: nobody who asked later is served while someone earlier waits.
    const firstWaiting = rows.findIndex((row) => row.state === 'waiting');
    expect(rows.slice(firstWaiting).every((row) => row.state === 'waiting')).toBe(true);

    const waiting = rows.filter((row) => row.state === 'waiting');
    const statuses = await Promise.all(
      waiting.map((row) => {
        const customer = customers.find((c) => c.conversationId === row.conversation_id) as WaitingCustomer;
        return customer.call('GET', `/api/v1/conversations/${customer.conversationId}/queue`);
      }),
    );
    expect(statuses.map((status) => status.body.position)).toEqual(waiting.map((_, index) => index + 1));
    expect(statuses[0].body).toEqual({ state: 'waiting', position: 1, estimatedWaitSeconds: 15 });
    expect(statuses[99].body.estimatedWaitSeconds).toBe(1500);
  }, 180_000);

  it('gives a freed seat to the head of the queue, and everyone behind moves up one', async () => {
    const before = await queueRows();
    const head = before.find((row) => row.state === 'waiting');
    const second = before.filter((row) => row.state === 'waiting')[1];
    const agent = agents[7];
    const served = before.find((row) => row.agent_id === agent.id && row.state === 'assigned');
    const closed = await agent.call('POST', `/api/v1/agent/conversations/${served?.conversation_id}/close`, {
      disposition: 'resolved',
      summary: 'done',
    });
    expect(closed.status).toBe(200);
    await settledQueue({ assigned: AGENTS * CAPACITY, ended: 1, waiting: CUSTOMERS - AGENTS * CAPACITY - 1 });
    const after = await queueRows();
    expect(after.find((row) => row.conversation_id === head?.conversation_id)).toMatchObject({
      state: 'assigned',
      agent_id: agent.id,
    });
    const customer = customers.find((c) => c.conversationId === second.conversation_id) as WaitingCustomer;
    expect((await customer.call('GET', `/api/v1/conversations/${customer.conversationId}/queue`)).body.position).toBe(
      1,
    );
  }, 60_000);

  it('overflows everyone still waiting into leave-a-message tickets once no agent is online', async () => {
    const waiting = (await queueRows()).filter((row) => row.state === 'waiting');
    for (const agent of agents) await agent.call('PUT', '/api/v1/routing/me/presence', { presence: 'offline' });
    await settledQueue({ assigned: AGENTS * CAPACITY, ended: 1, overflowed: waiting.length });

    const tickets = await query<{ conversation_id: string; number: number; source: string }>(
      replicas[0],
      'SELECT conversation_id, number::int AS number, source FROM tickets',
    );
    expect(tickets).toHaveLength(waiting.length);
    expect(new Set(tickets.map((ticket) => ticket.conversation_id))).toEqual(
      new Set(waiting.map((row) => row.conversation_id)),
    );
    expect(tickets.every((ticket) => ticket.source === 'overflow')).toBe(true);
    // Each customer is told the number of their own ticket, and their conversation is closed.
    for (const ticket of tickets.slice(0, 10)) {
      const customer = customers.find((c) => c.conversationId === ticket.conversation_id) as WaitingCustomer;
      const history = await customer.call('GET', `/api/v1/conversations/${customer.conversationId}/messages`);
      expect(history.body.conversation.state).toBe('closed');
      expect(history.body.messages.at(-1) as ChatMessage).toMatchObject({
        sender: 'system',
        text: `当前没有客服可以接待，已为您登记留言工单 #${ticket.number}，我们会尽快联系您。`,
      });
    }
    // The agents keep the conversations they were serving.
    const perAgent = await query<{ active: number }>(replicas[0], 'SELECT active FROM routing_agents');
    expect(perAgent.every((agent) => agent.active === CAPACITY)).toBe(true);
  }, 90_000);
});
