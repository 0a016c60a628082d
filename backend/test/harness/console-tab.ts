import type { Browser, BrowserContextOptions, Page, Request } from 'playwright-core';
import { signInToConsole } from './browser.ts';

export interface ConsoleTab {
  page: Page;
  /** What the browser complained about: script errors, console errors (CSP violations, React), failed calls. */
  problems: string[];
  /** Closes the tab's own browser context, and with it the sign-in it holds. */
  close(): Promise<void>;
}

export interface ConsoleTabOptions {
  username: string;
  password: string;
  /** Failed calls the test provokes on purpose, matched against `HTTP <status> <METHOD> <path>`; others are problems. */
  expectedFailures?: RegExp[];
  /** Sees every request from the first page load on: the console's chunks, the calls it makes. */
  onRequest?(request: Request): void;
  /** A desktop window in Chinese unless the test asks for something else. */
  context?: BrowserContextOptions;
}

/**
 * The staff console in a browser context of its own (each person's own sign-in), signed in through the built-in
 * provider's sign-in page, recording from the first load on what the browser complains about.
 */
export async function consoleTab(browser: Browser, baseUrl: string, options: ConsoleTabOptions): Promise<ConsoleTab> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    ...options.context,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // The browser logs each failed call again as "Failed to load resource"; the response below records it, with the
    // method and path `expectedFailures` match.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: the server responded')) {
      problems.push(`${message.text()} ${JSON.stringify(message.location())}`);
    }
  });
  page.on('response', (response) => {
    const line = `HTTP ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`;
    if (response.status() >= 400 && !options.expectedFailures?.some((pattern) => pattern.test(line))) {
      problems.push(line);
    }
  });
  if (options.onRequest) page.on('request', options.onRequest);
  await page.goto(`${baseUrl}/console/`);
  await signInToConsole(page, options.username, options.password);
  return { page, problems, close: () => context.close() };
}
