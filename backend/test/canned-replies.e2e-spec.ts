import { Role } from '../src/common/access/index.ts';
import { auditEvents } from './harness/audit-events.ts';
import { type StaffMember, signInStaff } from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

/** Canned replies: supervisors keep them (global or per skill group), agents read them with their variables intact. */
describe('canned replies', () => {
  let kefu: TestApp;
  let supervisor: StaffMember;
  let agent: StaffMember;

  beforeAll(async () => {
    kefu = await startTestApp();
    supervisor = await signInStaff(kefu, 'sup-qin', [Role.Supervisor]);
    agent = await signInStaff(kefu, 'agent-xu', [Role.Agent]);
  });
  afterAll(() => kefu?.close());

  it('is kept by supervisors and read by agents, globally or per group, variables as written', async () => {
    const team = (await supervisor.call('POST', '/api/v1/routing/groups', { name: '信用卡组' })).body.id as string;
    const otherTeam = (await supervisor.call('POST', '/api/v1/routing/groups', { name: '理财组' })).body.id as string;
    const greeting = await supervisor.call('POST', '/api/v1/canned-replies', {
      title: '问候',
      body: '{customerName}您好，我是{agentName}，很高兴为您服务。',
    });
    expect(greeting.status).toBe(201);
    expect(greeting.body).toMatchObject({ groupId: null, updatedBy: supervisor.id });
    expect(greeting.body.body).toBe('{customerName}您好，我是{agentName}，很高兴为您服务。');
    const cards = await supervisor.call('POST', '/api/v1/canned-replies', {
      title: '挂失工单',
      body: '已为您登记挂失，工单号 {ticketNumber}。',
      groupId: team,
    });
    expect(cards.status).toBe(201);
    await supervisor.call('POST', '/api/v1/canned-replies', {
      title: '理财风险',
      body: '理财非存款',
      groupId: otherTeam,
    });

    const forTeam = await agent.call('GET', `/api/v1/canned-replies?groupId=${team}`);
    expect(forTeam.status).toBe(200);
    expect(forTeam.body.map((reply: { title: string }) => reply.title)).toEqual(['问候', '挂失工单']);
    expect((await agent.call('GET', '/api/v1/canned-replies')).body).toHaveLength(3);

    // Agents read; only supervisors write.
    expect((await agent.call('POST', '/api/v1/canned-replies', { title: 'x', body: 'y' })).status).toBe(403);
    expect((await agent.call('DELETE', `/api/v1/canned-replies/${greeting.body.id}`)).status).toBe(403);

    const bad = await supervisor.call('POST', '/api/v1/canned-replies', { title: ' ', body: '', groupId: 'team-1' });
    expect(bad.status).toBe(400);
    expect(bad.body.violations.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`).sort()).toEqual([
      'body:isLength',
      'body:matches',
      'groupId:isUuid',
      'title:matches',
    ]);

    const changed = await supervisor.call('PUT', `/api/v1/canned-replies/${cards.body.id}`, {
      title: '挂失工单',
      body: '已为您登记挂失，工单号 {ticketNumber}，请留意短信。',
      groupId: null,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ groupId: null, body: '已为您登记挂失，工单号 {ticketNumber}，请留意短信。' });
    expect((await agent.call('GET', `/api/v1/canned-replies?groupId=${otherTeam}`)).body).toHaveLength(3);

    expect((await supervisor.call('DELETE', `/api/v1/canned-replies/${cards.body.id}`)).status).toBe(204);
    expect((await supervisor.call('DELETE', `/api/v1/canned-replies/${cards.body.id}`)).status).toBe(404);
    const missing = await supervisor.call('PUT', `/api/v1/canned-replies/${cards.body.id}`, { title: 'a', body: 'b' });
    expect(missing.status).toBe(404);
    expect((await agent.call('GET', '/api/v1/canned-replies')).body).toHaveLength(2);
  });

  it('audits every change with who made it; refused ones change and record nothing', async () => {
    const created = await supervisor.call('POST', '/api/v1/canned-replies', {
      title: '结束语',
      body: '感谢您的来电。',
    });
    await supervisor.call('PUT', `/api/v1/canned-replies/${created.body.id}`, { title: '结束语', body: '感谢来电。' });
    await supervisor.call('DELETE', `/api/v1/canned-replies/${created.body.id}`);
    await agent.call('DELETE', `/api/v1/canned-replies/${created.body.id}`);
    const events = await auditEvents(kefu, { action: 'config.change', targetId: created.body.id });
    expect(events.map((event) => [event.actorId, event.targetType, event.details])).toEqual([
      [supervisor.id, 'canned-reply', { change: 'create' }],
      [supervisor.id, 'canned-reply', { change: 'update' }],
      [supervisor.id, 'canned-reply', { change: 'delete' }],
    ]);
  });
});
