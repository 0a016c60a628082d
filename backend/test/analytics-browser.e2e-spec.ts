import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { type SeededMonth, seedAnalyticsMonth } from '../src/bench/analytics-month.ts';
import { Role } from '../src/common/access/index.ts';
import { DemoIdentityProvider } from '../src/modules/auth/index.ts';
import { auditEvents } from './harness/audit-events.ts';
import { launchChromium, screenshot } from './harness/browser.ts';
import { consoleTab } from './harness/console-tab.ts';
import { eventually } from './harness/kefu-process.ts';
import { agentOnDuty, query } from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const PASSWORD = 'correct horse battery staple';

/** The analytics dashboards in the console, and the widget's post-chat survey that feeds CSAT, in Chromium. */
describe('analytics in the browser', () => {
  let kefu: TestApp;
  let browser: Browser;
  let month: SeededMonth;

  beforeAll(async () => {
    [kefu, browser] = await Promise.all([
      startTestApp({ env: { KEFU_ROUTING_SWEEP_INTERVAL_MS: '200' } }),
      launchChromium(),
    ]);
    const dataSource = kefu.app.get(DataSource);
    month = await seedAnalyticsMonth((sql, values) => dataSource.query(sql, values), 500);
    await kefu.app.get(DemoIdentityProvider).directory.upsert('qian.li', [Role.Supervisor], PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await kefu?.close();
  });

  it('shows the figures of the seeded month on each dashboard and exports them', async () => {
    const { page, problems } = await consoleTab(browser, kefu.baseUrl, {
      username: 'qian.li',
      password: PASSWORD,
      context: { timezoneId: 'Asia/Shanghai', acceptDownloads: true },
    });
    await page.goto(`${kefu.baseUrl}/console/analytics?from=2026-10-01&to=2026-10-31`);

    const [total] = await query<{ n: number }>(
      kefu,
      'SELECT count(*)::int AS n FROM conversations WHERE created_at >= $1 AND created_at < $2',
      [month.from, month.to],
    );
    await page.getByTestId('figure-conversations').getByText(total.n.toLocaleString('zh-CN')).waitFor();
    await page.locator('[data-testid="chart-daily"][data-rendered="true"]').waitFor();
    expect(await page.getByTestId('figure-bot-resolution').textContent()).toMatch(/机器人解决率\d+\.\d%/);
    await screenshot(page, 'analytics-overview');

    await page.getByRole('tab', { name: '机器人与知识' }).click();
    await page.locator('[data-testid="chart-faq-hits"][data-rendered="true"]').waitFor();
    await page.locator('[data-testid="chart-faq-misses"][data-rendered="true"]').waitFor();
    expect(await page.getByTestId('figure-unanswered').textContent()).toMatch(/未答率\d+\.\d%/);

    await page.getByRole('tab', { name: '人工服务' }).click();
    await page.locator('[data-testid="chart-hourly"][data-rendered="true"]').waitFor();
    expect(await page.getByTestId('figure-first-response').textContent()).toMatch(/首次响应时长\d+:\d\d/);
    expect(await page.getByRole('row').count()).toBe(1 + 6);
    await screenshot(page, 'analytics-service');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    expect((await download).suggestedFilename()).toBe('kefu-analytics-2026-09-30-2026-10-31.csv');
    await eventually(async () => (await auditEvents(kefu, { action: 'export.report' })).length === 1, 5_000);
    expect(problems).toEqual([]);
  });

  it('offers the survey when the agent closes the chat, and takes a rating from the keyboard', async () => {
    const { agent } = await agentOnDuty(kefu, { supervisor: 'survey-lead', agent: 'survey-agent', group: '满意度' });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await page.goto(`${kefu.baseUrl}/widget/demo`);
    await page.getByRole('button', { name: '在线客服' }).click();
    await page.locator('.kefu-log [data-seq="1"]').waitFor();
    await page.getByRole('textbox', { name: '请输入您的问题' }).fill('转人工');
    await page.keyboard.press('Enter');
    let conversationId = '';
    await eventually(async () => {
      conversationId = await page.evaluate(
        () =>
          JSON.parse(
            (
              globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }
            ).sessionStorage.getItem('kefu-widget') ?? '{}',
          ).conversationId,
      );
      const rows = await query(kefu, "SELECT 1 FROM routing_queue WHERE conversation_id = $1 AND state = 'assigned'", [
        conversationId,
      ]);
      return rows.length === 1;
    }, 15_000);
    const closed = await agent.call('POST', `/api/v1/agent/conversations/${conversationId}/close`, {
      disposition: 'resolved',
      summary: 'done',
    });
    expect(closed.status).toBe(200);

    await page.getByRole('group', { name: '请为本次服务评分' }).waitFor();
    await page.getByRole('radio', { name: '1 非常不满意' }).focus();
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: '4 满意' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('很耐心');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('感谢您的评价！').waitFor();
    await screenshot(page, 'widget-survey-thanks');
    const rows = await query(
      kefu,
      'SELECT rating, masked_comment FROM conversation_ratings WHERE conversation_id = $1',
      [conversationId],
    );
    expect(rows).toEqual([{ rating: 4, masked_comment: '很耐心' }]);
  });
});
