import { Role } from '../src/common/access/index.ts';
import { AuditTrail } from '../src/modules/audit/index.ts';
import { auditEvents } from './harness/audit-events.ts';
import { eventually } from './harness/kefu-process.ts';
import { customerAskingForAgent, query, type StaffMember, signInStaff } from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

type Violation = { field: string; rule: string };
const rules = (body: { violations: Violation[] }) => body.violations.map((v) => `${v.field}:${v.rule}`).sort();

/** Tickets (工单): custom fields, the status workflow, assignment, comments, history and SLA warnings. */
describe('tickets', () => {
  let kefu: TestApp;
  let agent: StaffMember;
  let colleague: StaffMember;
  let supervisor: StaffMember;

  beforeAll(async () => {
    // Urgent tickets are due at once, so a breach can be seen without waiting for one.
    kefu = await startTestApp({
      env: {
        KEFU_TICKETS_SLA_MINUTES: 'urgent=0,high=240,normal=1440,low=4320',
        KEFU_ROUTING_SWEEP_INTERVAL_MS: '200',
      },
    });
    agent = await signInStaff(kefu, 'ticket-agent', [Role.Agent]);
    colleague = await signInStaff(kefu, 'ticket-colleague', [Role.Agent]);
    supervisor = await signInStaff(kefu, 'ticket-supervisor', [Role.Supervisor]);
    const cardType = { label: '卡片类型', type: 'choice', options: ['debit', 'credit'], required: true };
    expect((await agent.call('PUT', '/api/v1/tickets/fields/card_type', cardType)).status).toBe(403);
    expect((await supervisor.call('PUT', '/api/v1/tickets/fields/card_type', cardType)).status).toBe(200);
    await supervisor.call('PUT', '/api/v1/tickets/fields/amount', { label: '金额', type: 'number' });
  });
  afterAll(() => kefu.close());

  const newTicket = (extra: object = {}) =>
    agent.call('POST', '/api/v1/tickets', {
      subject: '借记卡补卡进度',
      description: '客户 13812345678 询问补卡进度',
      fields: { card_type: 'debit' },
      ...extra,
    });

  it('defines custom fields as data and checks ticket values against them', async () => {
    const fields = await agent.call('GET', '/api/v1/tickets/fields');
    expect(fields.body.map((field: { key: string }) => field.key)).toEqual(['amount', 'card_type']);
    const bad = await newTicket({ fields: { card_type: 'gold', amount: '12', colour: 'red' } });
    expect(bad.status).toBe(400);
    expect(rules(bad.body)).toEqual(['fields.amount:isNumber', 'fields.card_type:isIn', 'fields.colour:unknownField']);
    const missing = await newTicket({ fields: {} });
    expect(rules(missing.body)).toEqual(['fields.card_type:required']);
    const badKey = await supervisor.call('PUT', '/api/v1/tickets/fields/Card-Type', { label: 'x', type: 'text' });
    expect(rules(badKey.body)).toEqual(['key:matches']);
    const noOptions = await supervisor.call('PUT', '/api/v1/tickets/fields/branch', { label: '网点', type: 'choice' });
    expect(rules(noOptions.body)).toEqual(['options:arrayMinSize']);

    await kefu.app.get(AuditTrail).flush();
    const audited = await query<{ target_id: string }>(
      kefu,
      "SELECT target_id FROM audit_events WHERE action = 'tickets.fields.change' ORDER BY seq",
    );
    expect(audited.map((row) => row.target_id)).toEqual(['card_type', 'amount']);
  });

  it('walks the status workflow, refusing a skipped step with the rule, and keeps every change in the history', async () => {
    const created = await newTicket({ priority: 'high', fields: { card_type: 'debit', amount: 50 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'new', priority: 'high', source: 'manual', fields: { amount: 50 } });
    const id = created.body.id;
    const status = (to: string) => agent.call('POST', `/api/v1/tickets/${id}/status`, { status: to });

    const skipped = await status('resolved');
    expect(skipped.status).toBe(400);
    expect(skipped.body.violations).toEqual([
      {
        field: 'status',
        rule: 'ticketWorkflow',
        message: 'a new ticket cannot become resolved; from new it may go to open',
      },
    ]);
    for (const next of ['open', 'pending', 'open', 'resolved', 'closed']) expect((await status(next)).status).toBe(200);
    expect((await status('open')).body.message).toBe('status: a closed ticket cannot become open; closed is final');
    expect((await status('archived')).body.violations).toEqual([
      expect.objectContaining({ field: 'status', rule: 'isIn' }),
    ]);

    const assigned = await supervisor.call('PUT', `/api/v1/tickets/${id}/assignee`, { assigneeId: colleague.id });
    expect(assigned.body.assigneeId).toBe(colleague.id);
    await agent.call('PATCH', `/api/v1/tickets/${id}`, { priority: 'low', fields: { amount: null } });
    const comment = await colleague.call('POST', `/api/v1/tickets/${id}/comments`, {
      body: '已联系客户，卡片明日寄出',
    });
    expect(comment.status).toBe(201);
    expect((await agent.call('GET', `/api/v1/tickets/${id}/comments`)).body).toEqual([
      expect.objectContaining({ authorId: colleague.id, body: '已联系客户，卡片明日寄出' }),
    ]);

    const history = await agent.call('GET', `/api/v1/tickets/${id}/history`);
    expect(history.body.map((event: { change: string; after: unknown }) => [event.change, event.after])).toEqual([
      ['created', { status: 'new', priority: 'high', source: 'manual' }],
      ['status', 'open'],
      ['status', 'pending'],
      ['status', 'open'],
      ['status', 'resolved'],
      ['status', 'closed'],
      ['assignee', colleague.id],
      ['priority', 'low'],
      ['fields', { card_type: 'debit' }],
      ['comment', { commentId: comment.body.id }],
    ]);
    expect(history.body[6]).toMatchObject({ actorId: supervisor.id, before: null });

    const [row] = await query<{ description: Buffer }>(kefu, 'SELECT description FROM tickets WHERE id = $1', [id]);
    expect(row.description.toString('utf8')).not.toContain('13812345678');
  });

  it('times tickets by priority and lists breached and nearly due ones as warnings', async () => {
    const urgent = await newTicket({ priority: 'urgent', subject: 'urgent one' });
    const normal = await newTicket({ priority: 'normal', subject: 'normal one' });
    expect(urgent.body.sla).toMatchObject({ dueAt: urgent.body.createdAt, minutesLeft: expect.any(Number) });
    expect(normal.body.sla.breached).toBe(false);
    expect([1439, 1440]).toContain(normal.body.sla.minutesLeft);
    const createdAt = Date.parse(normal.body.createdAt);
    expect(Date.parse(normal.body.sla.dueAt) - createdAt).toBe(1440 * 60_000);
    await eventually(
      async () => (await agent.call('GET', `/api/v1/tickets/${urgent.body.id}`)).body.sla.breached,
      5_000,
    );

    const soon = await agent.call('GET', '/api/v1/tickets/sla-warnings?withinMinutes=60');
    const soonIds = soon.body.map((ticket: { id: string }) => ticket.id);
    expect(soonIds).toContain(urgent.body.id);
    expect(soonIds).not.toContain(normal.body.id);
    const later = await agent.call('GET', '/api/v1/tickets/sla-warnings?withinMinutes=2000');
    expect(later.body.map((ticket: { id: string }) => ticket.id)).toEqual(expect.arrayContaining([normal.body.id]));

    // A priority change moves the deadline, still counted from creation.
    const raised = await agent.call('PATCH', `/api/v1/tickets/${normal.body.id}`, { priority: 'high' });
    expect(Date.parse(raised.body.sla.dueAt) - createdAt).toBe(240 * 60_000);

    // Resolving stops the clock: a resolved ticket is no longer a warning, and stays marked as breached.
    for (const next of ['open', 'resolved']) {
      await agent.call('POST', `/api/v1/tickets/${urgent.body.id}/status`, { status: next });
    }
    const resolved = await agent.call('GET', `/api/v1/tickets/${urgent.body.id}`);
    expect(resolved.body.sla).toMatchObject({ breached: true, minutesLeft: null });
    const after = await agent.call('GET', '/api/v1/tickets/sla-warnings?withinMinutes=60');
    expect(after.body.map((ticket: { id: string }) => ticket.id)).not.toContain(urgent.body.id);
    expect(rules((await agent.call('GET', '/api/v1/tickets/sla-warnings?withinMinutes=-1')).body)).toEqual([
      'withinMinutes:min',
    ]);
  });

  it('files a ticket from a conversation its agent served, and shows that conversation to the assignee only', async () => {
    const group = await supervisor.call('POST', '/api/v1/routing/groups', { name: 'cards', handoffDefault: true });
    await supervisor.call('PUT', `/api/v1/routing/groups/${group.body.id}/members/${agent.id}`);
    await agent.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' });
    const customer = await customerAskingForAgent(kefu.baseUrl);
    await eventually(async () => (await agent.call('GET', '/api/v1/routing/me')).body.assigned.length === 1, 10_000);

    const fromConversation = (staff: StaffMember) =>
      staff.call('POST', '/api/v1/tickets', {
        subject: '回电客户',
        description: '客户需要回电确认',
        conversationId: customer.conversationId,
        fields: { card_type: 'credit' },
      });
    expect((await fromConversation(colleague)).status).toBe(403);
    const ticket = await fromConversation(agent);
    expect(ticket.status).toBe(201);
    expect(ticket.body).toMatchObject({ source: 'conversation', conversationId: customer.conversationId });

    const transcriptPath = `/api/v1/tickets/${ticket.body.id}/conversation`;
    expect((await colleague.call('GET', transcriptPath)).status).toBe(403);
    await agent.call('PUT', `/api/v1/tickets/${ticket.body.id}/assignee`, { assigneeId: colleague.id });
    const transcript = await colleague.call('GET', transcriptPath);
    expect(transcript.status).toBe(200);
    expect(transcript.body.messages.map((message: { text: string }) => message.text)).toContain('转人工');
    const reads = await auditEvents(kefu, {
      action: 'conversation.transcript-read',
      targetId: customer.conversationId,
    });
    expect(reads.map(({ actorId, details }) => ({ actorId, details }))).toEqual([
      { actorId: colleague.id, details: { via: 'ticket', ticketId: ticket.body.id } },
    ]);
    expect((await agent.call('GET', '/api/v1/tickets/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const byHand = await agent.call('POST', '/api/v1/tickets', {
      subject: '回电',
      description: '无会话',
      fields: { card_type: 'credit' },
    });
    expect((await agent.call('GET', `/api/v1/tickets/${byHand.body.id}/conversation`)).status).toBe(404);
  });
});
