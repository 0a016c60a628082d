import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { Role } from '../src/common/access/index.ts';
import { AuditExportVerifier, AuditTrail } from '../src/modules/audit/index.ts';
import {
  SEALED_FORM_CONSTRAINT,
  sealedFormConstraintDdl,
} from '../src/modules/audit/migrations/1795790000000-add-audit-sealed-form.ts';
import { DemoIdentityProvider } from '../src/modules/auth/index.ts';
import { mobileNumber, residentIdNumber, seededRandom } from './fixtures/personal-data-generators.ts';
import { launchChromium, screenshot, settled } from './harness/browser.ts';
import { consoleTab } from './harness/console-tab.ts';
import { eventually } from './harness/kefu-process.ts';
import { staffToken } from './harness/staff-token.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const PASSWORD = 'correct horse battery staple';
const random = seededRandom(8);
const customer = { name: '陈志强', phone: mobileNumber(random), idNumber: residentIdNumber(random) };
const REASON = '客户来电办理挂失，需核对身份证号';

describe('the auditor in the console: finds a reveal, exports and verifies it, and sees tampering', () => {
  let kefu: TestApp;
  let browser: Browser;
  let folder: string;
  let db: pg.Client;
  let profileId: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kefu-audit-console-'));
    [kefu, browser] = await Promise.all([
      startTestApp({
        env: { KEFU_AUDIT_KEY_DIR: join(folder, 'audit-keys'), KEFU_CRYPTO_KEY_DIR: join(folder, 'crypto-keys') },
      }),
      launchChromium(),
    ]);
    await kefu.app.get(DemoIdentityProvider).directory.upsert('zhou.min', [Role.Auditor], PASSWORD);
    const call = async (token: string, path: string, body: unknown) => {
      const response = await fetch(`${kefu.baseUrl}/api/v1/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBeLessThan(300);
      return (await response.json()) as { id: string; value: string };
    };
    // A supervisor reveals a customer's ID number, with a reason; the API records it in the audit trail.
    profileId = (await call(await staffToken(kefu, [Role.Agent]), 'privacy/customer-profiles', customer)).id;
    const supervisor = await staffToken(kefu, [Role.Supervisor]);
    const revealed = await call(supervisor, 'privacy/reveal', { profileId, field: 'idNumber', reason: REASON });
    expect(revealed.value).toBe(customer.idNumber);
    db = new pg.Client({ connectionString: kefu.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await kefu?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('filters to the reveal, shows it, exports its range, verifies the file and the chain, then sees an edited row', async () => {
    const writes: string[] = [];
    const { page, problems } = await consoleTab(browser, kefu.baseUrl, {
      username: 'zhou.min',
      password: PASSWORD,
      context: { acceptDownloads: true },
      onRequest: (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/') && request.method() !== 'GET') writes.push(url.pathname);
      },
    });
    await page.waitForURL(`${kefu.baseUrl}/console/audit`);

    // Search: only the reveal matches the action filter.
    await page.getByLabel('操作', { exact: true }).fill('personal-data.reveal');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '查询' }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await eventually(async () => {
      const texts = await rows.allInnerTexts();
      return texts.length === 1 && texts[0]?.includes('personal-data.reveal') === true;
    }, 10_000);
    const revealSeq = Number(await rows.first().locator('td').first().textContent());
    expect(await rows.first().textContent()).toContain(`customer-profile: ${profileId}`);
    await screenshot(page, 'audit-search');

    // The detail: the reason and the field, never the revealed value.
    await rows.first().getByText('详情').click();
    const detail = page.getByTestId('audit-event-detail');
    await detail.getByText(REASON, { exact: false }).waitFor();
    await expect(detail.textContent()).resolves.toContain('"field": "idNumber"');
    expect(await page.content()).not.toContain(customer.idNumber);
    await settled(page);
    await screenshot(page, 'audit-detail');

    // Export that event's range, as signed JSON Lines.
    await page.getByRole('button', { name: '导出此事件所在范围' }).click();
    await expect(page.locator('#audit-export-from').inputValue()).resolves.toBe(String(revealSeq));
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出$/ }).click();
    const file = join(folder, 'kefu-audit.jsonl');
    await (await downloading).saveAs(file);
    await expect(new AuditExportVerifier().verify(await readFile(file, 'utf8'))).resolves.toMatchObject({
      ok: true,
      checked: 1,
    });
    await page.getByText('已下载签名导出文件').waitFor();

    // The downloaded file, uploaded to the server's check.
    await page.locator('input[type=file]').setInputFiles(file);
    const verdict = page.getByTestId('export-verification');
    await page.locator('[data-testid="export-verification"][data-state="verified"]').waitFor();
    await expect(verdict.textContent()).resolves.toContain('1 条事件校验通过');
    await screenshot(page, 'audit-export-verified');

    // The chain: green, up to the newest sequence.
    const badge = page.getByTestId('chain-status');
    await page.getByRole('button', { name: '运行校验' }).click();
    await page.locator('[data-testid="chain-status"][data-state="verified"]').waitFor();
    // Up to the newest event before the verification's own, which the trail records last.
    await kefu.app.get(AuditTrail).flush();
    const newest = Number((await db.query('SELECT max(seq) AS seq FROM audit_events')).rows[0].seq) - 1;
    await expect(badge.textContent()).resolves.toMatch(new RegExp(`已验证至序号 ${newest}，校验时间 `));
    await screenshot(page, 'audit-chain-verified');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(badge.textContent()).resolves.toMatch(new RegExp(`Verified up to sequence ${newest} at `));
    await page.getByRole('button', { name: '中文' }).click();

    // Behind the app's back, as the database superuser: the reveal's outcome is rewritten.
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT ${SEALED_FORM_CONSTRAINT}`);
    await db.query(`SET session_replication_role = replica;
      UPDATE audit_events SET outcome = 'denied' WHERE seq = ${revealSeq};
      SET session_replication_role = origin`);
    try {
      await page.getByRole('button', { name: '运行校验' }).click();
      await page.locator('[data-testid="chain-status"][data-state="broken"]').waitFor();
      await expect(badge.textContent()).resolves.toContain(`审计链在序号 ${revealSeq} 处校验失败`);
      await screenshot(page, 'audit-chain-broken');
    } finally {
      await db.query(`SET session_replication_role = replica;
        UPDATE audit_events SET outcome = 'success' WHERE seq = ${revealSeq};
        SET session_replication_role = origin`);
      await db.query(sealedFormConstraintDdl('audit_events', SEALED_FORM_CONSTRAINT));
    }
    await page.getByRole('button', { name: '运行校验' }).click();
    await page.locator('[data-testid="chain-status"][data-state="verified"]').waitFor();

    // Nothing the auditor did wrote anything but the checks themselves (which the trail records).
    expect(new Set(writes)).toEqual(new Set(['/api/v1/audit/verify-export', '/api/v1/audit/verify']));
    expect(problems).toEqual([]);
  });
});
