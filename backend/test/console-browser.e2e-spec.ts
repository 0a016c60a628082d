import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { Role } from '../src/common/access/index.ts';
import { DemoIdentityProvider } from '../src/modules/auth/index.ts';
import { launchChromium, screenshot } from './harness/browser.ts';
import { type ConsoleTab, consoleTab } from './harness/console-tab.ts';
import { eventually } from './harness/kefu-process.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const PASSWORD = 'correct horse battery staple';

describe('the staff console in Chromium, signed in through the built-in OpenID provider', () => {
  let kefu: TestApp;
  let browser: Browser;
  let echartsChunk: string;

  beforeAll(async () => {
    [kefu, browser] = await Promise.all([startTestApp({ env: { KEFU_KNOWLEDGE_SEED: 'true' } }), launchChromium()]);
    const { directory } = kefu.app.get(DemoIdentityProvider);
    await directory.upsert('wang.fang', [Role.Agent], PASSWORD);
    await directory.upsert('li.wei', [Role.KbEditor], PASSWORD);
    echartsChunk = await chunkContaining('node_modules/echarts/');
  });
  afterAll(async () => {
    await browser?.close();
    await kefu?.close();
  });

  /** The console signed in as `username`, with the names of the console's own files the browser fetched. */
  async function openConsole(username: string): Promise<ConsoleTab & { assets: Set<string> }> {
    const assets = new Set<string>();
    const tab = await consoleTab(browser, kefu.baseUrl, {
      username,
      password: PASSWORD,
      context: { viewport: { width: 1280, height: 800 } },
      onRequest: (request) => {
        const match = /\/console\/assets\/([^/?]+)$/.exec(request.url());
        if (match?.[1]) assets.add(match[1]);
      },
    });
    return { ...tab, assets };
  }

  const navigation = (page: Page) => page.getByRole('navigation').getByRole('menuitem').allInnerTexts();

  it('shows an agent only the workspace and their quality scores, speaks English on request and signs out at the provider', async () => {
    const { page, problems, assets } = await openConsole('wang.fang');
    await page.waitForURL(`${kefu.baseUrl}/console/workspace`);
    expect(await navigation(page)).toEqual(['工作台', '质检']);
    await page.getByText('暂无会话').waitFor();
    // The workspace asked routing about this agent: no conversation assigned yet, so no load.
    await page.getByText(/^当前负载 0\/\d+$/).waitFor();
    expect(await page.getByTestId('staff-username').textContent()).toBe('wang.fang');
    await screenshot(page, 'console-agent-workspace');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await navigation(page)).toEqual(['Workspace', 'Quality']);
    await page.getByText('No conversations').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    await screenshot(page, 'console-agent-workspace-en');

    // A deep link loads the same page; the screen itself is refused to a role without the permission.
    await page.goto(`${kefu.baseUrl}/console/knowledge`);
    await page.getByText('Your roles do not give access to this page.').waitFor();
    expect(assets.has(echartsChunk)).toBe(false);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: '退出登录 / Sign out' }).click();
    await page.waitForURL(`${kefu.baseUrl}/console/`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    // The tokens are gone from the tab (the page's sessionStorage, seen through the browser's globals).
    const storedKeys = await page.evaluate(() =>
      Object.keys((globalThis as unknown as { sessionStorage: object }).sessionStorage),
    );
    expect(storedKeys.filter((key) => key.startsWith('oidc.user'))).toEqual([]);
    await screenshot(page, 'console-signed-out');
    expect(problems).toEqual([]);
  });

  it('shows a knowledge editor the published knowledge, searchable, with a chart that loads ECharts on demand', async () => {
    const { page, problems, assets } = await openConsole('li.wei');
    await page.waitForURL(`${kefu.baseUrl}/console/knowledge`);
    expect(await navigation(page)).toEqual(['知识库']);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const all = await rows.count();
    await page.getByRole('searchbox', { name: '搜索问题、相似问法或分类' }).fill('借记卡');
    await eventually(async () => (await rows.count()) < all, 5_000);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('借记卡');
    await page.getByTestId('category-chart').locator('canvas').waitFor();
    expect(assets.has(echartsChunk)).toBe(true);
    await screenshot(page, 'console-knowledge');
    expect(problems).toEqual([]);
  });
});

/** The built console's chunk that holds the given package (from esbuild's metafile, written by the build). */
async function chunkContaining(inputPrefix: string): Promise<string> {
  const metafile = JSON.parse(await readFile(new URL('../dist/console/metafile.json', import.meta.url), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  const [file] = Object.entries(metafile.outputs).find(([, output]) =>
    Object.keys(output.inputs).some((input) => input.startsWith(inputPrefix)),
  ) ?? [''];
  return file.split('/').pop() ?? '';
}
