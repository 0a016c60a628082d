import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, which `npm test` installs when it is missing (.ci/test-all.js). */
export const CHROMIUM = '/usr/bin/chromium';

export const screenshotsDir = join('.kefu', 'test-results', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
  // --no-sandbox: the tests run as root in CI, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

/** Saves a screenshot under .kefu/test-results/screenshots for people to look at; nothing compares them. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`) });
}

/** The real flow: the console's button, the provider's own sign-in form, the redirect back with a code. */
export async function signInToConsole(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByLabel('用户名 / Username').fill(username);
  await page.getByLabel('密码 / Password').fill(password);
  await page.getByRole('button', { name: '登录 / Sign in' }).click();
  await page.getByTestId('staff-username').waitFor();
}

/** Waits for a drawer's slide-in (and any other transition) to finish, so a screenshot shows the end state. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (globalThis as unknown as { document: { getAnimations(): unknown[] } }).document.getAnimations().length === 0,
  );
}
