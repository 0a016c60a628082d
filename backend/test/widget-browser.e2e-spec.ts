import type { Browser, Locator } from 'playwright-core';
import { Role } from '../src/common/access/index.ts';
import { launchChromium, screenshot } from './harness/browser.ts';
import { eventually } from './harness/kefu-process.ts';
import { signInStaff } from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

describe('the chat widget in Chromium, embedded in a page as a bank embeds it', () => {
  let kefu: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [kefu, browser] = await Promise.all([startTestApp({ env: { KEFU_KNOWLEDGE_SEED: 'true' } }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await kefu?.close();
  });

  it('is used with the keyboard alone: open, ask, read the answer, close with Escape', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await page.goto(`${kefu.baseUrl}/widget/demo`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const input = page.getByRole('textbox', { name: '请输入您的问题' });
    await eventually(() => hasFocus(input), 5_000);
    await page.locator('.kefu-log [data-seq="1"]').waitFor();

    await page.keyboard.type('怎么办理借记卡？');
    await page.keyboard.press('Enter');
    const answer = page.locator('.kefu-log .kefu-bot[data-seq="3"]');
    await answer.waitFor();
    expect(await answer.textContent()).toContain('身份证件');
    expect(await page.locator('.kefu-log .kefu-visitor').count()).toBe(1);
    await screenshot(page, 'widget-desktop-answer');

    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').isHidden()).toBe(true);
    expect(await hasFocus(page.getByRole('button', { name: '在线客服' }))).toBe(true);
  });

  it('fills a phone screen, speaks English when the page asks for it, and resumes after a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${kefu.baseUrl}/widget/demo?lang=en`);
    await page.getByRole('button', { name: 'Chat with us' }).tap();
    const panel = page.getByRole('dialog', { name: 'Customer service' });
    await page.locator('.kefu-log [data-seq="1"]').waitFor();
    const box = await panel.boundingBox();
    expect(box).toMatchObject({ x: 0, width: 390 });

    await page.getByRole('textbox', { name: 'Type your question' }).fill('How do I open a debit card?');
    await page.getByRole('button', { name: 'Send' }).tap();
    await page.locator('.kefu-log [data-seq="3"]').waitFor();
    await screenshot(page, 'widget-phone-answer');

    // The conversation id and the last seq live in sessionStorage: a reload picks the conversation up where it was.
    await page.reload();
    await page.getByRole('button', { name: 'Chat with us' }).tap();
    await page.locator('.kefu-log [data-seq="3"]').waitFor();
    const seqs = await page
      .locator('.kefu-log > li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-seq')));
    expect(seqs).toEqual(['1', '2', '3']);
  });

  it('tells a waiting customer their place in the queue and the estimated wait, in their language', async () => {
    // The only agent of the handoff group is at their desk but busy: customers wait in the queue, nobody overflows.
    const supervisor = await signInStaff(kefu, 'zhou.min', [Role.Supervisor]);
    const agent = await signInStaff(kefu, 'wu.fang', [Role.Agent]);
    expect((await agent.call('PUT', '/api/v1/routing/me/presence', { presence: 'busy' })).status).toBe(200);
    expect((await supervisor.call('PUT', `/api/v1/routing/agents/${agent.id}/capacity`, { capacity: 1 })).status).toBe(
      200,
    );
    const group = await supervisor.call('POST', '/api/v1/routing/groups', { name: '排队组', handoffDefault: true });
    expect(group.status).toBe(201);
    expect((await supervisor.call('PUT', `/api/v1/routing/groups/${group.body.id}/members/${agent.id}`)).status).toBe(
      200,
    );

    const first = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await first.goto(`${kefu.baseUrl}/widget/demo`);
    await first.getByRole('button', { name: '在线客服' }).click();
    await first.locator('.kefu-log [data-seq="1"]').waitFor();
    await first.getByRole('textbox', { name: '请输入您的问题' }).fill('转人工');
    await first.keyboard.press('Enter');
    const status = first.locator('.kefu-status');
    await status.filter({ hasText: /正在为您转接人工客服，请稍候。您排在第 1 位，预计等待约 \d+ 分钟/ }).waitFor();
    await screenshot(first, 'widget-queue-position');

    const second = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await second.goto(`${kefu.baseUrl}/widget/demo?lang=en`);
    await second.getByRole('button', { name: 'Chat with us' }).click();
    await second.locator('.kefu-log [data-seq="1"]').waitFor();
    await second.getByRole('textbox', { name: 'Type your question' }).fill('Talk to a human, please');
    await second.keyboard.press('Enter');
    await second
      .locator('.kefu-status')
      .filter({ hasText: /You are number 2 in the queue, about \d+ min wait/ })
      .waitFor({ timeout: 10_000 });

    // Once the agent is free the first customer is served: the queue line goes, the second moves up on the next poll.
    expect((await agent.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' })).status).toBe(200);
    await first.getByText('客服 wu.fang 为您服务。').waitFor({ timeout: 15_000 });
    await eventually(async () => (await status.textContent()) === '', 10_000);
    await second
      .locator('.kefu-status')
      .filter({ hasText: /You are number 1 in the queue/ })
      .waitFor({ timeout: 10_000 });
  });
});

/** Whether the element has the keyboard focus (in the page, where the DOM lives). */
function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((node) => node === node.ownerDocument.activeElement);
}
