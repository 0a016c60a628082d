import { Role } from '../src/common/access/index.ts';
import { AuditTrail } from '../src/modules/audit/index.ts';
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
import { visitorToken, WidgetClient } from './harness/widget-client.ts';

/** Strategies, agent replies, closing, transfer, takeover, working hours and the supervisor's live board. */
describe('routing: who gets a conversation, and moving it on', () => {
  let kefu: TestApp;
  let supervisor: StaffMember;
  const agents: StaffMember[] = [];
  const clients: WidgetClient[] = [];

  beforeAll(async () => {
    kefu = await startTestApp({ env: { KEFU_ROUTING_SWEEP_INTERVAL_MS: '200' } });
    supervisor = await signInStaff(kefu, 'sup-lin', [Role.Supervisor]);
    for (const name of ['agent-a', 'agent-b', 'agent-c']) agents.push(await signInStaff(kefu, name, [Role.Agent]));
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => kefu.close());

  /** A fresh handoff group of these agents, all online with this capacity, everyone else's presence untouched. */
  async function handoffGroup(members: StaffMember[], strategy: string, capacity = 5, extra: object = {}) {
    const created = await supervisor.call('POST', '/api/v1/routing/groups', {
      name: `g-${Math.random().toString(36).slice(2, 8)}`,
      strategy,
      handoffDefault: true,
      ...extra,
    });
    expect(created.status).toBe(201);
    for (const member of members) {
      expect(
        (await supervisor.call('PUT', `/api/v1/routing/groups/${created.body.id}/members/${member.id}`)).status,
      ).toBe(200);
      await member.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' });
      expect(
        (await supervisor.call('PUT', `/api/v1/routing/agents/${member.id}/capacity`, { capacity })).body.capacity,
      ).toBe(capacity);
    }
    return created.body as { id: string };
  }

  async function assignedAgentOf(customer: WaitingCustomer): Promise<string> {
    let agentId = '';
    await eventually(async () => {
      const rows = await query<{ agent_id: string }>(
        kefu,
        "SELECT agent_id FROM routing_queue WHERE conversation_id = $1 AND state = 'assigned'",
        [customer.conversationId],
      );
      agentId = rows[0]?.agent_id ?? '';
      return agentId !== '';
    }, 15_000);
    return agentId;
  }

  async function offline(...members: StaffMember[]) {
    for (const member of members) await member.call('PUT', '/api/v1/routing/me/presence', { presence: 'offline' });
  }

  async function closeAll(member: StaffMember) {
    for (const entry of (await member.call('GET', '/api/v1/routing/me')).body.assigned) {
      await member.call('POST', `/api/v1/agent/conversations/${entry.conversationId}/close`, {
        disposition: 'resolved',
        summary: 'test done',
      });
    }
  }

  afterEach(async () => {
    for (const agent of agents) await closeAll(agent);
    await closeAll(supervisor);
    await offline(...agents, supervisor);
  });

  it('serves a handed-off customer: the agent replies live, resends are idempotent, and closes with a disposition', async () => {
    const [agent] = agents;
    await handoffGroup([agent], 'least-busy');
    const token = await visitorToken(kefu.baseUrl);
    const widget = await WidgetClient.connect(kefu.baseUrl, token);
    clients.push(widget);
    const started = await widget.call('start', { language: 'zh' });
    const conversationId = started.conversation.id;
    const handed = await widget.call('send', { conversationId, clientMessageId: 'w-1', text: '转人工' });
    expect(handed.conversation.state).toBe('queued');

    const joined = await widget.waitForPushed(handed.replies.at(-1).seq + 1);
    expect(joined).toMatchObject({ sender: 'system', kind: 'notice', text: `客服 ${agent.username} 为您服务。` });

    const reply = { clientMessageId: 'a-1', text: '您好，请问有什么可以帮您？' };
    const sent = await agent.call('POST', `/api/v1/agent/conversations/${conversationId}/messages`, reply);
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({ sender: 'agent', text: reply.text, seq: joined.seq + 1 });
    expect((await widget.waitForPushed(joined.seq + 1)).text).toBe(reply.text);
    const resent = await agent.call('POST', `/api/v1/agent/conversations/${conversationId}/messages`, reply);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ duplicate: true, message: { seq: sent.body.message.seq } });

    const customerSays = await widget.call('send', { conversationId, clientMessageId: 'w-2', text: '我的卡丢了' });
    expect(customerSays.replies).toEqual([]);
    const transcript = await agent.call('GET', `/api/v1/agent/conversations/${conversationId}/messages?afterSeq=0`);
    expect(transcript.body.messages.map((m: ChatMessage) => m.sender)).toEqual([
      'bot',
      'visitor',
      'bot',
      'system',
      'agent',
      'visitor',
    ]);

    const badClose = await agent.call('POST', `/api/v1/agent/conversations/${conversationId}/close`, {
      disposition: 'done',
      summary: ' ',
    });
    expect(badClose.status).toBe(400);
    expect(badClose.body.violations.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`).sort()).toEqual(
      ['disposition:isIn', 'summary:matches'],
    );
    const closed = await agent.call('POST', `/api/v1/agent/conversations/${conversationId}/close`, {
      disposition: 'resolved',
      summary: '客户借记卡丢失，已指导挂失。',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');
    expect((await widget.waitForPushed(closed.body.lastSeq)).text).toBe('本次会话已结束，感谢您的咨询。');
    expect((await agent.call('GET', '/api/v1/routing/me')).body).toMatchObject({ agent: { active: 0 }, assigned: [] });
    const [closure] = await query<{ disposition: string; summary: Buffer }>(
      kefu,
      'SELECT disposition, summary FROM conversation_closures WHERE conversation_id = $1',
      [conversationId],
    );
    expect(closure.disposition).toBe('resolved');
    expect(closure.summary.toString('utf8')).not.toContain('挂失');
    const again = await agent.call('POST', `/api/v1/agent/conversations/${conversationId}/messages`, {
      clientMessageId: 'a-2',
      text: 'still there?',
    });
    expect(again.status).toBe(409);
  });

  it('keeps agents out of conversations that are not theirs', async () => {
    const [agent, other] = agents;
    await handoffGroup([agent], 'least-busy');
    const customer = await customerAskingForAgent(kefu.baseUrl);
    expect(await assignedAgentOf(customer)).toBe(agent.id);
    const path = `/api/v1/agent/conversations/${customer.conversationId}`;
    const write = await other.call('POST', `${path}/messages`, { clientMessageId: 'x-1', text: 'hi' });
    expect(write).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(write.body.message).toContain('conversationId');
    expect((await other.call('GET', `${path}/messages`)).status).toBe(403);
    expect((await other.call('POST', `${path}/close`, { disposition: 'spam', summary: 'x' })).status).toBe(403);
    expect((await supervisor.call('GET', `${path}/messages`)).status).toBe(200);
  });

  it('least busy: spreads customers over the agents with the fewest conversations', async () => {
    await handoffGroup(agents, 'least-busy', 3);
    const customers = [];
    for (let n = 0; n < 6; n++) customers.push(await customerAskingForAgent(kefu.baseUrl));
    const served = await Promise.all(customers.map(assignedAgentOf));
    expect(agents.map((agent) => served.filter((id) => id === agent.id).length)).toEqual([2, 2, 2]);
  });

  it('round robin: takes the members in turn', async () => {
    await handoffGroup(agents, 'round-robin', 10);
    const order = [];
    for (let n = 0; n < 6; n++) order.push(await assignedAgentOf(await customerAskingForAgent(kefu.baseUrl)));
    const firstTurn = order.slice(0, 3);
    expect(new Set(firstTurn).size).toBe(3);
    expect(order.slice(3)).toEqual(firstTurn);
  });

  it('previous agent first: a returning customer gets the agent who served them, even a busier one', async () => {
    const [first, second] = agents;
    await handoffGroup([first, second], 'previous-agent', 5);
    await offline(second);
    const token = await visitorToken(kefu.baseUrl);
    const earlier = await customerAskingForAgent(kefu.baseUrl, token);
    expect(await assignedAgentOf(earlier)).toBe(first.id);
    expect(await assignedAgentOf(await customerAskingForAgent(kefu.baseUrl))).toBe(first.id);
    await first.call('POST', `/api/v1/agent/conversations/${earlier.conversationId}/close`, {
      disposition: 'follow-up',
      summary: 'will call back',
    });
    await second.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' });
    // first serves one conversation, second none: least busy would pick second.
    expect(await assignedAgentOf(await customerAskingForAgent(kefu.baseUrl, token))).toBe(first.id);
    expect(await assignedAgentOf(await customerAskingForAgent(kefu.baseUrl))).toBe(second.id);
  });

  it('transfers to an agent or a group, refuses one who cannot take it, and audits each move', async () => {
    const [from, to, inOtherGroup] = agents;
    await handoffGroup([from, to], 'least-busy', 1);
    const otherGroup = await supervisor.call('POST', '/api/v1/routing/groups', { name: `other-${Date.now()}` });
    await supervisor.call('PUT', `/api/v1/routing/groups/${otherGroup.body.id}/members/${inOtherGroup.id}`);
    await offline(to);
    const token = await visitorToken(kefu.baseUrl);
    const widget = await WidgetClient.connect(kefu.baseUrl, token);
    clients.push(widget);
    const customer = await customerAskingForAgent(kefu.baseUrl, token);
    await widget.call('join', { conversationId: customer.conversationId, afterSeq: 100 });
    expect(await assignedAgentOf(customer)).toBe(from.id);
    const transfer = (agent: StaffMember, body: object) =>
      agent.call('POST', `/api/v1/routing/conversations/${customer.conversationId}/transfer`, body);

    const toOffline = await transfer(from, { agentId: to.id });
    expect(toOffline.status).toBe(409);
    expect(toOffline.body.message).toBe(`agentId: agent ${to.id} cannot take the conversation: they are offline`);
    expect((await transfer(to, { agentId: to.id })).status).toBe(403);
    expect((await transfer(from, { agentId: to.id, groupId: otherGroup.body.id })).body.violations).toEqual([
      expect.objectContaining({ field: 'agentId', rule: 'exactlyOne' }),
    ]);

    await to.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' });
    const moved = await transfer(from, { agentId: to.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ state: 'assigned', agentId: to.id });
    await eventually(async () => widget.pushed.some((m) => m.text === `客服 ${to.username} 为您服务。`), 10_000);
    expect((await from.call('GET', '/api/v1/routing/me')).body.agent.active).toBe(0);
    expect((await to.call('GET', '/api/v1/routing/me')).body.agent.active).toBe(1);
    const stale = await from.call('POST', `/api/v1/agent/conversations/${customer.conversationId}/messages`, {
      clientMessageId: 'late',
      text: 'hello?',
    });
    expect(stale.status).toBe(403);

    await inOtherGroup.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' });
    expect((await transfer(to, { groupId: otherGroup.body.id })).status).toBe(200);
    expect(await assignedAgentOf(customer)).toBe(inOtherGroup.id);
    await eventually(async () => widget.pushed.some((m) => m.text === '正在为您转接其他客服，请稍候。'), 10_000);

    await kefu.app.get(AuditTrail).flush();
    const audited = await query<{ actor_id: string; details: { agentId?: string; groupId?: string } }>(
      kefu,
      "SELECT actor_id, details FROM audit_events WHERE action = 'conversation.transfer' AND target_id = $1 ORDER BY seq",
      [customer.conversationId],
    );
    expect(audited.map((row) => [row.actor_id, row.details.agentId ?? row.details.groupId])).toEqual([
      [from.id, to.id],
      [to.id, otherGroup.body.id],
    ]);
    await inOtherGroup.call('POST', `/api/v1/agent/conversations/${customer.conversationId}/close`, {
      disposition: 'resolved',
      summary: 'moved twice',
    });
    expect((await supervisor.call('DELETE', `/api/v1/routing/groups/${otherGroup.body.id}`)).status).toBe(204);
  });

  it('shows supervisors the live board, and lets them take a conversation over', async () => {
    const [agent] = agents;
    await handoffGroup([agent], 'least-busy', 1);
    const served = await customerAskingForAgent(kefu.baseUrl);
    expect(await assignedAgentOf(served)).toBe(agent.id);
    const waiting = [await customerAskingForAgent(kefu.baseUrl), await customerAskingForAgent(kefu.baseUrl)];

    expect((await agent.call('GET', '/api/v1/routing/conversations')).status).toBe(403);
    const board = await supervisor.call('GET', '/api/v1/routing/conversations');
    expect(board.status).toBe(200);
    const mine = board.body.filter((row: { conversationId: string }) =>
      [served, ...waiting].some((customer) => customer.conversationId === row.conversationId),
    );
    expect(mine.map((row: { state: string; position: number | null }) => [row.state, row.position])).toEqual([
      ['waiting', 1],
      ['waiting', 2],
      ['assigned', null],
    ]);
    expect((await waiting[1].call('GET', `/api/v1/conversations/${waiting[1].conversationId}/queue`)).body).toEqual({
      state: 'waiting',
      position: 2,
      estimatedWaitSeconds: 600,
    });

    const takeover = await supervisor.call('POST', `/api/v1/routing/conversations/${served.conversationId}/takeover`);
    expect(takeover.status).toBe(200);
    expect(takeover.body).toMatchObject({ state: 'assigned', agentId: supervisor.id });
    // The agent's seat is free again: the first waiting customer gets it.
    expect(await assignedAgentOf(waiting[0])).toBe(agent.id);
    const reply = await supervisor.call('POST', `/api/v1/agent/conversations/${served.conversationId}/messages`, {
      clientMessageId: 's-1',
      text: '我是值班主管，由我来为您处理。',
    });
    expect(reply.status).toBe(201);
    const history = await served.call('GET', `/api/v1/conversations/${served.conversationId}/messages`);
    expect(history.body.messages.map((m: ChatMessage) => m.text)).toEqual(
      expect.arrayContaining([`客服 ${supervisor.username} 为您服务。`, '我是值班主管，由我来为您处理。']),
    );
    await kefu.app.get(AuditTrail).flush();
    const [audited] = await query<{ actor_id: string; details: { from: string } }>(
      kefu,
      "SELECT actor_id, details FROM audit_events WHERE action = 'conversation.takeover' AND target_id = $1",
      [served.conversationId],
    );
    expect(audited).toEqual({ actor_id: supervisor.id, details: { from: agent.id, wasWaiting: false } });
  });

  it('audits who opened a transcript other than the agent serving it, and refuses the transcript when it cannot', async () => {
    const [agent] = agents;
    await handoffGroup([agent], 'least-busy');
    const customer = await customerAskingForAgent(kefu.baseUrl);
    expect(await assignedAgentOf(customer)).toBe(agent.id);
    const path = `/api/v1/agent/conversations/${customer.conversationId}/messages`;
    const reads = async () => {
      await kefu.app.get(AuditTrail).flush();
      return query<{ actor_id: string; details: object }>(
        kefu,
        "SELECT actor_id, details FROM audit_events WHERE action = 'conversation.transcript-read' AND target_id = $1 ORDER BY seq",
        [customer.conversationId],
      );
    };

    // The serving agent's own work is not recorded; a supervisor looking in is, once per opening, not per page.
    expect((await agent.call('GET', `${path}?afterSeq=0`)).status).toBe(200);
    expect(await reads()).toEqual([]);
    const opened = await supervisor.call('GET', `${path}?afterSeq=0`);
    expect(opened.status).toBe(200);
    expect((await supervisor.call('GET', `${path}?afterSeq=${opened.body.messages.at(-1).seq}`)).status).toBe(200);
    expect(await reads()).toEqual([{ actor_id: supervisor.id, details: { via: 'agent-console' } }]);

    // Once closed, the agent reading it back is someone reading a customer's conversation like anyone else.
    await closeAll(agent);
    expect((await agent.call('GET', `${path}?afterSeq=0`)).status).toBe(200);
    expect((await reads()).map((read) => read.actor_id)).toEqual([supervisor.id, agent.id]);

    await query(
      kefu,
      `CREATE FUNCTION test_break_audit() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit storage is broken'; END $$;
       CREATE TRIGGER test_break_audit BEFORE INSERT ON audit_pending FOR EACH ROW EXECUTE FUNCTION test_break_audit();`,
    );
    try {
      const refused = await supervisor.call('GET', `${path}?afterSeq=0`);
      expect(refused.status).toBe(503);
      expect(refused.body).not.toHaveProperty('messages');
    } finally {
      await query(kefu, 'DROP TRIGGER test_break_audit ON audit_pending; DROP FUNCTION test_break_audit()');
    }
  });

  it('overflows into a leave-a-message ticket outside working hours, agents online or not', async () => {
    const [agent] = agents;
    const isoToday = ((new Date().getUTCDay() + 6) % 7) + 1;
    const tomorrowOnly = { timezone: 'UTC', windows: [{ days: [(isoToday % 7) + 1], from: '00:00', to: '24:00' }] };
    await handoffGroup([agent], 'least-busy', 5, { workingHours: tomorrowOnly });
    const customer = await customerAskingForAgent(kefu.baseUrl);
    await eventually(
      async () =>
        (await customer.call('GET', `/api/v1/conversations/${customer.conversationId}/queue`)).body.state ===
        'overflowed',
      15_000,
    );
    const history = await customer.call('GET', `/api/v1/conversations/${customer.conversationId}/messages`);
    expect(history.body.conversation.state).toBe('closed');
    const notice = history.body.messages.at(-1).text as string;
    const number = Number(/#(\d+)/.exec(notice)?.[1]);
    const tickets = await supervisor.call('GET', `/api/v1/tickets?conversationId=${customer.conversationId}`);
    expect(tickets.body).toEqual([expect.objectContaining({ number, source: 'overflow', status: 'new' })]);
    expect(tickets.body[0].description).toContain('outside-working-hours');
  });

  it('logs every change of presence and capacity with the state it set, written with the change itself', async () => {
    const agent = await signInStaff(kefu, 'agent-log', [Role.Agent]);
    const { capacity: initial } = (await agent.call('GET', '/api/v1/routing/me')).body.agent;
    const presence = (value: string) => agent.call('PUT', '/api/v1/routing/me/presence', { presence: value });
    await presence('online');
    await presence('online');
    expect((await supervisor.call('PUT', `/api/v1/routing/agents/${agent.id}/capacity`, { capacity: 2 })).status).toBe(
      200,
    );
    await supervisor.call('PUT', `/api/v1/routing/agents/${agent.id}/capacity`, { capacity: 2 });
    await presence('busy');
    await presence('away');
    expect((await presence('lunch')).status).toBe(400);
    await presence('offline');

    const log = await query<{ presence: string; capacity: number; changed_at: Date }>(
      kefu,
      'SELECT presence, capacity, changed_at FROM agent_presence_changes WHERE agent_id = $1 ORDER BY changed_at, id',
      [agent.id],
    );
    // Signing in logs nothing (a new agent is offline); repeating a state or a refused request logs nothing either.
    expect(log.map((row) => `${row.presence}/${row.capacity}`)).toEqual([
      `online/${initial}`,
      'online/2',
      'busy/2',
      'away/2',
      'offline/2',
    ]);
    const [current] = await query<{ presence: string; capacity: number; presence_changed_at: Date }>(
      kefu,
      'SELECT presence, capacity, presence_changed_at FROM routing_agents WHERE agent_id = $1',
      [agent.id],
    );
    const last = log.at(-1);
    expect(current).toEqual({
      presence: last?.presence,
      capacity: last?.capacity,
      presence_changed_at: last?.changed_at,
    });
  });

  it('refuses bad settings naming the field and the rule', async () => {
    const bad = await supervisor.call('POST', '/api/v1/routing/groups', {
      name: '',
      strategy: 'fastest',
      workingHours: { timezone: 'UTC', windows: [{ days: [8], from: '9:00', to: '18:00' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.violations.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`).sort()).toEqual([
      'name:isLength',
      'name:matches',
      'strategy:isIn',
      'workingHours.windows[0].days:max',
      'workingHours.windows[0].from:matches',
    ]);
    const zone = await supervisor.call('POST', '/api/v1/routing/groups', {
      name: 'zoned',
      workingHours: { timezone: 'Mars/Olympus', windows: [{ days: [1], from: '18:00', to: '09:00' }] },
    });
    expect(zone.body.violations.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`)).toEqual([
      'workingHours.timezone:isTimeZone',
      'workingHours.windows[0].to:afterFrom',
    ]);
    const capacity = await supervisor.call('PUT', `/api/v1/routing/agents/${agents[0].id}/capacity`, { capacity: 101 });
    expect(capacity.body.violations).toEqual([expect.objectContaining({ field: 'capacity', rule: 'max' })]);
    const presence = await agents[0].call('PUT', '/api/v1/routing/me/presence', { presence: 'lunch' });
    expect(presence.body.violations).toEqual([expect.objectContaining({ field: 'presence', rule: 'isIn' })]);
    expect((await agents[0].call('POST', '/api/v1/routing/groups', { name: 'mine' })).status).toBe(403);
    const duplicate = await supervisor.call('POST', '/api/v1/routing/groups', { name: 'dup' });
    expect(duplicate.status).toBe(201);
    const patched = await supervisor.call('PATCH', `/api/v1/routing/groups/${duplicate.body.id}`, {
      strategy: 'round-robin',
    });
    expect(patched.body).toMatchObject({ name: 'dup', strategy: 'round-robin', workingHours: null });
    const settings = await supervisor.call('GET', '/api/v1/routing/settings');
    expect(settings.body.groups.map((group: { name: string }) => group.name)).toContain('dup');
    expect(settings.body.agents.map((agent: { agentId: string }) => agent.agentId)).toEqual(
      expect.arrayContaining(agents.map((agent) => agent.id)),
    );
    expect((await agents[0].call('GET', '/api/v1/routing/settings')).status).toBe(403);
    expect((await supervisor.call('POST', '/api/v1/routing/groups', { name: 'dup' })).body.message).toBe(
      'name: a skill group called dup already exists',
    );
  });
});
