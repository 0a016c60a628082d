import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../src/common/access/index.ts';
import { AuditAction, AuditExportVerifier, AuditOutcome, AuditTrail, systemActor } from '../src/modules/audit/index.ts';
import { staffToken } from './harness/staff-token.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

interface Page {
  items: Array<Record<string, unknown> & { seq: number }>;
  nextAfterSeq: number | null;
}
const page = async (response: Response | Promise<Response>) => (await (await response).json()) as Page;
interface Verified {
  ok: boolean;
  checked: number;
  verified_up_to_seq: number | null;
  verified_at: string;
}

describe('the auditor API', () => {
  let kefu: TestApp;
  let folder: string;
  let auditor: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kefu-audit-api-'));
    kefu = await startTestApp({ env: { KEFU_AUDIT_KEY_DIR: join(folder, 'keys') } });
    auditor = await staffToken(kefu, [Role.Auditor]);
    const trail = kefu.app.get(AuditTrail);
    for (let n = 0; n < 25; n += 1)
      await trail.record({
        actor: { kind: 'staff', id: n % 2 ? 'agent-1' : 'agent-2', roles: ['agent'], sourceAddress: '10.0.0.9' },
        action: n % 5 ? AuditAction.PersonalDataReveal : AuditAction.ExportReport,
        outcome: n % 3 ? AuditOutcome.Success : AuditOutcome.Denied,
        target: { type: 'conversation', id: `c-${n}` },
      });
    await trail.record({ actor: systemActor('job'), action: AuditAction.ConfigChange, outcome: AuditOutcome.Success });
  });
  afterAll(async () => {
    await kefu.close();
    await rm(folder, { recursive: true, force: true });
  });

  const call = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${kefu.baseUrl}/api/v1/audit/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });

  it('searches by actor, action, outcome and time, a page at a time', async () => {
    const first = await call('events?actorId=agent-1&action=personal-data.reveal&outcome=success&limit=3', auditor);
    expect(first.status).toBe(200);
    const firstPage = await page(first);
    expect(firstPage.items).toHaveLength(3);
    for (const item of firstPage.items)
      expect(item).toMatchObject({ actorId: 'agent-1', action: 'personal-data.reveal', outcome: 'success' });
    const next = await page(call(`events?actorId=agent-1&limit=100&afterSeq=${firstPage.nextAfterSeq}`, auditor));
    expect(next.items[0].seq).toBeGreaterThan(firstPage.nextAfterSeq as number);
    expect(next.nextAfterSeq).toBeNull();
    const future = await page(call('events?from=2999-01-01T00:00:00Z', auditor));
    expect(future.items).toEqual([]);
    const bad = await call('events?action=not.an.action', auditor);
    expect(bad.status).toBe(400);
  });

  it('exports a range as signed JSON Lines and CSV that verify offline, and audits each export', async () => {
    const verifier = new AuditExportVerifier();
    for (const format of ['jsonl', 'csv']) {
      const response = await call(`export?fromSeq=3&toSeq=20&format=${format}`, auditor);
      expect(response.status).toBe(200);
      const text = await response.text();
      await expect(verifier.verify(text)).resolves.toMatchObject({ ok: true, checked: 18, hmac_checked: false });
      const altered = text.replace('agent-1', 'agent-7');
      await expect(verifier.verify(altered)).resolves.toMatchObject({
        ok: false,
        reason: 'the file was changed after it was signed',
      });
    }
    const exports = await page(call('events?action=audit.export', auditor));
    expect(exports.items).toHaveLength(2);
    expect(exports.items[0]).toMatchObject({ actorKind: 'staff', actorRoles: ['auditor'], outcome: 'success' });
  });

  it('verifies the trail on request and audits the verification', async () => {
    const response = await call('verify', auditor, { method: 'POST', body: JSON.stringify({}) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, first_bad_seq: null, reason: null });
    const verifications = await page(call('events?action=audit.verify', auditor));
    expect(verifications.items).toHaveLength(1);
  });

  it('tells a status badge how far the chain verified and when', async () => {
    const before = Date.now();
    const whole = (await (await call('verify', auditor, { method: 'POST', body: '{}' })).json()) as Verified;
    expect(whole).toMatchObject({ ok: true, verified_up_to_seq: whole.checked });
    expect(whole.verified_up_to_seq).toBeGreaterThanOrEqual(28);
    expect(Date.parse(whole.verified_at)).toBeGreaterThanOrEqual(before - 1000);
    // From sequence 10: rows 10 onwards, the previous verification's own event included.
    const tail = (await (await call('verify', auditor, { method: 'POST', body: '{"fromSeq":10}' })).json()) as Verified;
    expect(tail).toMatchObject({ ok: true, checked: whole.checked - 8, verified_up_to_seq: whole.checked + 1 });
  });

  it('verifies an uploaded export as `kefu audit verify-export` does, and audits each check', async () => {
    const chainKey = Buffer.from((await readFile(join(folder, 'keys', 'audit-chain.key'), 'utf8')).trim(), 'hex');
    const upload = (body: string | Buffer, type = 'application/octet-stream') =>
      call('verify-export', auditor, { method: 'POST', body, headers: { 'content-type': type } });
    for (const format of ['jsonl', 'csv']) {
      const text = await (await call(`export?fromSeq=3&toSeq=20&format=${format}`, auditor)).text();
      const response = await upload(text);
      expect(response.status).toBe(200);
      const offline = await new AuditExportVerifier().verify(text, { chainKey });
      expect(await response.json()).toEqual({ ...offline, signed_by_this_installation: true });
      expect(offline).toMatchObject({ ok: true, checked: 18, hmac_checked: true });
      const altered = await (await upload(text.replace('agent-1', 'agent-7'))).json();
      expect(altered).toMatchObject({ ok: false, reason: 'the file was changed after it was signed' });
    }
    expect(await (await upload('not an export')).json()).toMatchObject({ ok: false, checked: 0 });
    expect(await (await upload(Buffer.from([0xff, 0xfe, 0x00]))).json()).toMatchObject({
      ok: false,
      reason: 'the file is not UTF-8 text',
    });
    const checks = await page(call('events?action=audit.verify&targetType=audit-export', auditor));
    expect(checks.items.map((item) => item.outcome)).toEqual([
      'success',
      'failure',
      'success',
      'failure',
      'failure',
      'failure',
    ]);
  });

  it('accepts an upload only as raw bytes, only on its route, and only up to its size limit', async () => {
    const post = (path: string, body: string | Buffer, type: string) =>
      call(path, auditor, { method: 'POST', body, headers: { 'content-type': type } });
    expect((await post('verify-export', '{}', 'application/json')).status).toBe(415);
    expect((await post('verify', '{}', 'application/octet-stream')).status).toBe(415);
    const tooLarge = await post('verify-export', Buffer.alloc(32 * 1024 * 1024 + 1, 0x20), 'application/octet-stream');
    expect(tooLarge.status).toBe(413);
  });

  it('refuses staff without the audit permissions (the system administrator included)', async () => {
    for (const roles of [[Role.Agent], [Role.SystemAdmin]]) {
      const token = await staffToken(kefu, roles);
      expect((await call('events', token)).status).toBe(403);
      expect((await call('export', token)).status).toBe(403);
      expect((await call('verify', token, { method: 'POST', body: '{}' })).status).toBe(403);
      const upload = { method: 'POST', body: 'x', headers: { 'content-type': 'application/octet-stream' } };
      expect((await call('verify-export', token, upload)).status).toBe(403);
    }
    expect((await fetch(`${kefu.baseUrl}/api/v1/audit/events`)).status).toBe(401);
  });
});
