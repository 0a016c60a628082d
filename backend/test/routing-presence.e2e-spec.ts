import type { Browser, Page } from 'playwright-core';
import { Role } from '../src/common/access/index.ts';
import { DemoIdentityProvider } from '../src/modules/auth/index.ts';
import { auditEvents } from './harness/audit-events.ts';
import { launchChromium } from './harness/browser.ts';
import { consoleTab } from './harness/console-tab.ts';
import { eventually } from './harness/kefu-process.ts';
import { counterTotal } from './harness/metrics.ts';
import { customerAskingForAgent, query, type StaffMember, signInStaff } from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

/**
 * Agents whose console went silent are set offline (KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS), here after 2 s, and
 * their conversations go back to the queue after KEFU_ROUTING_CONVERSATION_GRACE_SECONDS, here 6 s.
 */
describe('routing: presence of agents whose console went silent', () => {
  let kefu: TestApp;
  let supervisor: StaffMember;
  let present: StaffMember;
  let gone: StaffMember;
  let heartbeat: NodeJS.Timeout | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    kefu = await startTestApp({
      env: {
        KEFU_ROUTING_SWEEP_INTERVAL_MS: '200',
        KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS: '2',
        KEFU_ROUTING_CONVERSATION_GRACE_SECONDS: '6',
      },
    });
    supervisor = await signInStaff(kefu, 'sup-presence', [Role.Supervisor]);
    present = await signInStaff(kefu, 'agent-present', [Role.Agent]);
    gone = await signInStaff(kefu, 'agent-gone', [Role.Agent]);
  });
  afterAll(async () => {
    clearInterval(heartbeat);
    await browser?.close();
    await kefu.close();
  });

  const presenceOf = async (agent: StaffMember) => {
    const settings = await supervisor.call('GET', '/api/v1/routing/settings');
    return settings.body.agents.find((a: { agentId: string }) => a.agentId === agent.id)?.presence as string;
  };

  it('sets an agent whose console is silent offline and moves their customers on, to a ticket when nobody is left', async () => {
    const group = await supervisor.call('POST', '/api/v1/routing/groups', { name: 'cards', handoffDefault: true });
    // One console keeps asking for its routing state, as an open console does; the other is about to close.
    heartbeat = setInterval(() => void present.call('GET', '/api/v1/routing/me'), 300);
    for (const [agent, presence] of [
      [present, 'busy'],
      [gone, 'online'],
    ] as const) {
      await supervisor.call('PUT', `/api/v1/routing/groups/${group.body.id}/members/${agent.id}`);
      expect((await agent.call('PUT', '/api/v1/routing/me/presence', { presence })).status).toBe(200);
    }
    const served = await customerAskingForAgent(kefu.baseUrl);
    const servedBy = async () =>
      (
        await query<{ state: string; agent_id: string | null }>(
          kefu,
          'SELECT state, agent_id FROM routing_queue WHERE conversation_id = $1',
          [served.conversationId],
        )
      )[0];
    await eventually(async () => (await servedBy()).agent_id === gone.id, 10_000);
    expect((await present.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' })).status).toBe(200);

    // The closed console's agent goes offline, so nobody new is given to them, but keeps their customer for the grace
    // period; a console back within it keeps the customer for good.
    await eventually(async () => (await presenceOf(gone)) === 'offline', 10_000);
    expect((await servedBy()).agent_id).toBe(gone.id);
    const back = setInterval(() => void gone.call('GET', '/api/v1/routing/me'), 500);
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    clearInterval(back);
    expect((await servedBy()).agent_id).toBe(gone.id);

    // Silent again past the grace period: their customer goes to someone at a desk, told they are being moved.
    const [logged] = await query<{ presence: string }>(
      kefu,
      'SELECT presence FROM agent_presence_changes WHERE agent_id = $1 ORDER BY id DESC LIMIT 1',
      [gone.id],
    );
    expect(logged.presence).toBe('offline');
    await eventually(async () => (await servedBy()).agent_id === present.id, 10_000);
    expect(await presenceOf(present)).toBe('online');
    const history = await served.call('GET', `/api/v1/conversations/${served.conversationId}/messages`);
    expect(history.body.messages.map((m: { text: string }) => m.text).slice(-2)).toEqual([
      '正在为您转接其他客服，请稍候。',
      `客服 ${present.username} 为您服务。`,
    ]);
    const moves = await auditEvents(kefu, { action: 'conversation.transfer', targetId: served.conversationId });
    expect(moves.map(({ actorId, details }) => ({ actorId, details }))).toEqual([
      { actorId: 'system:routing', details: { from: gone.id, groupId: group.body.id, reason: 'agent-console-silent' } },
    ]);

    // Nobody left at a desk: the customer leaves a message, and so does a new one.
    clearInterval(heartbeat);
    await eventually(async () => (await presenceOf(present)) === 'offline', 10_000);
    await eventually(async () => (await servedBy()).state === 'overflowed', 10_000);
    // Both drop-outs and both moves are counted for the operators.
    expect(await counterTotal(kefu.baseUrl, 'kefu_routing_agents_timed_out_total')).toBe(2);
    expect(await counterTotal(kefu.baseUrl, 'kefu_routing_conversations_moved_from_silent_agents_total')).toBe(2);
    const late = await customerAskingForAgent(kefu.baseUrl);
    await eventually(
      async () =>
        (await late.call('GET', `/api/v1/conversations/${late.conversationId}/queue`)).body.state === 'overflowed',
      10_000,
    );
    const tickets = await supervisor.call('GET', `/api/v1/tickets?conversationId=${late.conversationId}`);
    expect(tickets.body[0].description).toContain('nobody-online');

    // Back at the console, setting a presence counts as being seen.
    expect((await present.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' })).status).toBe(200);
    expect(await presenceOf(present)).toBe('online');
  });

  it('keeps an agent online while the console is open on any screen, sets them offline once it is closed, and tells them why', async () => {
    const password = 'correct horse battery staple';
    const user = await kefu.app
      .get(DemoIdentityProvider)
      .directory.upsert('agent.kb', [Role.Agent, Role.KbEditor], password);
    browser = await launchChromium();
    const tab = await consoleTab(browser, kefu.baseUrl, { username: 'agent.kb', password });
    const { page } = tab;
    await page.waitForURL(`${kefu.baseUrl}/console/workspace`);
    await choosePresence(page, '在线');
    const agent = { id: user.id } as StaffMember;
    await eventually(async () => (await presenceOf(agent)) === 'online', 5_000);

    // The workspace, which polls its routing state, is gone; the console's heartbeat keeps the agent present.
    await page.getByRole('menuitem', { name: '知识库' }).click();
    await page.waitForURL(`${kefu.baseUrl}/console/knowledge`);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await presenceOf(agent)).toBe('online');
    expect(tab.problems).toEqual([]);

    await tab.close();
    await eventually(async () => (await presenceOf(agent)) === 'offline', 10_000);

    // Their supervisor's board shows why they are offline.
    await kefu.app.get(DemoIdentityProvider).directory.upsert('lead.kb', [Role.Supervisor], password);
    const lead = await consoleTab(browser, kefu.baseUrl, { username: 'lead.kb', password });
    await lead.page.getByRole('menuitem', { name: '队列与监控' }).click();
    const row = lead.page.getByTestId('agents-board').locator('tbody tr', { hasText: 'agent.kb' });
    await row.getByText('离线（控制台未连接）').waitFor();
    await lead.close();

    // Back at the console, the workspace says why they are offline, until they choose a presence again.
    const again = await consoleTab(browser, kefu.baseUrl, { username: 'agent.kb', password });
    const notice = again.page.getByTestId('presence-timed-out');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('控制台超过 1 分钟没有连接');
    await choosePresence(again.page, '在线');
    await notice.waitFor({ state: 'detached' });
    expect(await presenceOf(agent)).toBe('online');
    expect(again.problems).toEqual([]);
    await again.close();
  });
});

async function choosePresence(page: Page, presence: string): Promise<void> {
  await page
    .locator('.ant-select')
    .filter({ has: page.getByRole('combobox', { name: '在线状态' }) })
    .click();
  await page.locator(`.ant-select-item-option[title="${presence}"]`).click();
}
