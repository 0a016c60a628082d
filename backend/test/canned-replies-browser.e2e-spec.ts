import type { Browser } from 'playwright-core';
import { Role } from '../src/common/access/index.ts';
import { DemoIdentityProvider } from '../src/modules/auth/index.ts';
import { launchChromium, screenshot } from './harness/browser.ts';
import { consoleTab } from './harness/console-tab.ts';
import { type StaffMember, signInStaff } from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const PASSWORD = 'correct horse battery staple';

/**
 * A supervisor keeps the canned replies in the monitor's tab: adds one for a skill group with variables (seeing the
 * preview an agent would get and the API's refusal of a blank title on the title), changes it and removes another.
 */
describe('canned replies in Chromium: a supervisor adds, corrects, changes and removes them', () => {
  let kefu: TestApp;
  let browser: Browser;
  let lead: StaffMember;

  beforeAll(async () => {
    [kefu, browser] = await Promise.all([startTestApp(), launchChromium()]);
    await kefu.app.get(DemoIdentityProvider).directory.upsert('qin.fang', [Role.Supervisor], PASSWORD);
    lead = await signInStaff(kefu, 'lead.api', [Role.Supervisor]);
    for (const name of ['信用卡组', '理财组']) {
      expect((await lead.call('POST', '/api/v1/routing/groups', { name })).status).toBe(201);
    }
    const old = await lead.call('POST', '/api/v1/canned-replies', { title: '旧的问候', body: '您好。' });
    expect(old.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await kefu?.close();
  });

  it('shows what the API keeps, the preview with variables, and a refusal under the field it names', async () => {
    const { page, problems } = await consoleTab(browser, kefu.baseUrl, {
      username: 'qin.fang',
      password: PASSWORD,
      expectedFailures: [/^HTTP 400 POST \/api\/v1\/canned-replies$/],
    });
    await page.getByRole('menuitem', { name: '队列与监控' }).click();
    await page.getByRole('tab', { name: '快捷回复' }).click();
    const table = page.getByTestId('canned-replies');
    const row = (title: string) => table.locator('tbody tr', { hasText: title });
    await row('旧的问候').waitFor();

    // A new reply for the credit-card group; the variables go in at the cursor and the preview fills what it knows.
    await page.getByRole('button', { name: '新建快捷回复' }).click();
    const form = page.getByTestId('canned-reply-form');
    await form.getByLabel('标题', { exact: true }).fill('   ');
    const group = form.locator('.ant-select', { has: page.getByLabel('技能组') });
    await group.click();
    await page.locator('.ant-select-item-option[title="信用卡组"]').click();
    const body = form.getByLabel('内容', { exact: true });
    await body.fill('您好，我是');
    await form.getByRole('button', { name: '{agentName}' }).click();
    await body.press('End');
    await body.pressSequentially('，工单号 ');
    await form.getByRole('button', { name: '{ticketNumber}' }).click();
    expect(await body.inputValue()).toBe('您好，我是{agentName}，工单号 {ticketNumber}');
    const preview = page.getByTestId('canned-reply-preview');
    await preview.getByText('您好，我是qin.fang，工单号 {ticketNumber}').waitFor();
    await preview.getByText('坐席需手动补全：{ticketNumber}').waitFor();

    // The blank title passes the form (nothing is checked twice) and the API's refusal lands on the title.
    await page.getByRole('button', { name: '保存' }).click();
    const titleItem = form.locator('.ant-form-item').filter({ has: page.getByLabel('标题', { exact: true }) });
    await titleItem.locator('.ant-form-item-explain-error', { hasText: 'title must not be blank' }).waitFor();
    await screenshot(page, 'canned-replies-refused');
    await form.getByLabel('标题', { exact: true }).fill('挂失指引');
    await page.getByRole('button', { name: '保存' }).click();
    await row('挂失指引').getByText('信用卡组').waitFor();

    // Changed: a new title and the other group.
    await row('挂失指引').getByRole('button', { name: '编辑' }).click();
    await form.getByLabel('标题', { exact: true }).fill('挂失工单');
    await group.click();
    await page.locator('.ant-select-item-option[title="理财组"]').click();
    await page.getByRole('button', { name: '保存' }).click();
    await row('挂失工单').getByText('理财组').waitFor();

    // Removed, after a confirmation.
    await row('旧的问候').getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await row('旧的问候').waitFor({ state: 'detached' });
    await screenshot(page, 'canned-replies-list');

    // The API keeps exactly what the screen shows.
    const groups = (await lead.call('GET', '/api/v1/routing/groups')).body as { id: string; name: string }[];
    const kept = (await lead.call('GET', '/api/v1/canned-replies')).body as {
      title: string;
      body: string;
      groupId: string;
    }[];
    expect(kept.map(({ title, body, groupId }) => ({ title, body, groupId }))).toEqual([
      {
        title: '挂失工单',
        body: '您好，我是{agentName}，工单号 {ticketNumber}',
        groupId: groups.find((group) => group.name === '理财组')?.id,
      },
    ]);
    const rows = await table.locator('tbody tr.ant-table-row').all();
    const shown = await Promise.all(rows.map(async (tr) => (await tr.locator('td').allTextContents()).slice(0, 3)));
    expect(shown).toEqual([['挂失工单', '您好，我是{agentName}，工单号 {ticketNumber}', '理财组']]);
    // The refused title was the only failed call (expected above); no script or console error.
    expect(problems).toEqual([]);
  });
});
