import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { KefuConfig } from '../src/common/config/kefu-config.ts';
import { loadConfig } from '../src/common/config/load-config.ts';
import { dataSourceOptions } from '../src/common/database/data-source-options.ts';
import {
  AuditAction,
  AuditCheckpointer,
  AuditExportVerifier,
  AuditOutcome,
  AuditTrail,
  AuditVerification,
  SyslogForwarder,
  standaloneAudit,
  systemActor,
} from '../src/modules/audit/index.ts';
import { cleanEnv, kefuCommand, run } from './harness/kefu-process.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const DAY = 24 * 3600 * 1000;
const job = systemActor('test-job');
const event = (n: number) => ({
  actor: job,
  action: AuditAction.ConfigChange,
  outcome: AuditOutcome.Success,
  target: { type: 'setting', id: `s-${n}` },
  details: { n },
});

describe('audit operations', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kefu-audit-ops-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  describe('the kefu audit commands', () => {
    let kefu: TestApp;
    let env: NodeJS.ProcessEnv;
    const checkpointFile = () => join(folder, 'checkpoints.jsonl');

    beforeAll(async () => {
      const keyDir = join(folder, 'cli-keys');
      kefu = await startTestApp({ env: { KEFU_AUDIT_KEY_DIR: keyDir, KEFU_AUDIT_CHECKPOINT_FILE: checkpointFile() } });
      env = cleanEnv({ DATABASE_URL: kefu.databaseUrl, KEFU_AUDIT_KEY_DIR: keyDir });
      const trail = kefu.app.get(AuditTrail);
      for (let n = 0; n < 40; n += 1) await trail.record(event(n));
    });
    afterAll(() => kefu.close());

    it('signs a checkpoint, also into the external file, and says so when there is nothing new', async () => {
      const signed = await kefu.app.get(AuditCheckpointer).checkpoint();
      expect(signed).toMatchObject({ lastSeq: 40, signatureAlg: 'ed25519' });
      expect(JSON.parse((await readFile(checkpointFile(), 'utf8')).trim())).toEqual(signed);
      const again = await run(kefuCommand, ['audit', 'checkpoint'], env);
      expect(again.stdout).toContain('nothing to sign');
    });

    it('verifies, exports and verifies the export offline; verifications are audited', async () => {
      const verified = await run(kefuCommand, ['audit', 'verify', '--json'], env);
      expect({ code: verified.code, result: JSON.parse(verified.stdout) }).toEqual({
        code: 0,
        result: { ok: true, checked: 40, first_bad_seq: null, reason: null },
      });
      const file = join(folder, 'export.csv');
      const exported = await run(
        kefuCommand,
        ['audit', 'export', '--from', '2', '--format', 'csv', '--out', file],
        env,
      );
      expect(exported.stdout).toContain('events written');
      const offline = await run(kefuCommand, ['audit', 'verify-export', file, '--json'], env);
      expect(JSON.parse(offline.stdout)).toMatchObject({ ok: true, hmac_checked: true, first_bad_seq: null });
      const audited = await kefu.app.get(AuditVerification).verify();
      expect(audited).toMatchObject({ ok: true, checked: 42 });
    });

    it('rotates the signing key: what either key signed verifies, and the rotation is audited', async () => {
      const before = await run(kefuCommand, ['audit', 'public-key'], env);
      const rotated = await run(kefuCommand, ['audit', 'rotate-signing-key'], env);
      expect(rotated.code).toBe(0);
      const { retired, current } = JSON.parse(rotated.stdout.split('\n')[0] as string);
      expect(before.stdout).toContain(`key id ${retired}`);
      expect(current).not.toBe(retired);
      const after = await run(kefuCommand, ['audit', 'public-key'], env);
      expect(after.stdout).toContain(`key id ${current}`);

      // The running app meets a key id it does not know, reads the folder again and signs with the new key from then on.
      await expect(kefu.app.get(AuditVerification).verify()).resolves.toMatchObject({ ok: true });
      await kefu.app.get(AuditTrail).record(event(100));
      await expect(kefu.app.get(AuditCheckpointer).checkpoint()).resolves.toMatchObject({ keyId: current });
      const db = new pg.Client({ connectionString: kefu.databaseUrl });
      await db.connect();
      try {
        const keys = await db.query('SELECT DISTINCT key_id FROM audit_checkpoints');
        expect(keys.rows.map((row) => row.key_id).sort()).toEqual([current, retired].sort());
        const audited = await db.query(`SELECT target_id FROM audit_events WHERE action = 'keys.rotate'`);
        expect(audited.rows).toEqual([{ target_id: retired }]);
      } finally {
        await db.end();
      }
      const verified = await run(kefuCommand, ['audit', 'verify', '--json'], env);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
    });

    it('exits 2 and names the first missing sequence when the newest rows were deleted past a checkpoint', async () => {
      const db = new pg.Client({ connectionString: kefu.databaseUrl });
      await db.connect();
      try {
        await db.query('SET session_replication_role = replica; DELETE FROM audit_events WHERE seq > 35');
        const verified = await run(kefuCommand, ['audit', 'verify', '--json'], env);
        expect(verified.code).toBe(2);
        expect(JSON.parse(verified.stdout.trim().split('\n')[0] as string)).toMatchObject({
          ok: false,
          first_bad_seq: 36,
        });
      } finally {
        await db.end();
      }
    });
  });

  describe('archiving', () => {
    let kefu: TestApp;
    let dataSource: DataSource;
    let config: KefuConfig;
    let now = Date.now() - 400 * DAY;
    const clock = { now: () => new Date(now) };

    beforeAll(async () => {
      const keyDir = join(folder, 'archive-keys');
      kefu = await startTestApp({ env: { KEFU_AUDIT_KEY_DIR: keyDir } });
      config = new KefuConfig(loadConfig({ DATABASE_URL: kefu.databaseUrl, KEFU_AUDIT_KEY_DIR: keyDir }));
      dataSource = new DataSource(dataSourceOptions(config, kefu.databaseUrl, []));
      await dataSource.initialize();
      const { trail } = standaloneAudit(config, dataSource, clock);
      for (let n = 0; n < 30; n += 1) {
        now += DAY;
        await trail.record(event(n));
      }
      now = Date.now() - DAY;
      for (let n = 30; n < 40; n += 1) await trail.record(event(n));
      now = Date.now();
    });
    afterAll(async () => {
      await dataSource.destroy();
      await kefu.close();
    });

    it('refuses to purge events younger than the retention period', async () => {
      const { archiver } = standaloneAudit(config, dataSource, clock);
      await expect(
        archiver.archive({
          before: new Date(now - 100 * DAY),
          out: join(folder, 'young.jsonl'),
          purge: true,
          actor: job,
        }),
      ).rejects.toThrow(/younger than 190 days/);
    });

    it('writes old events to a signed file that verifies, purges them, and the rest still verifies', async () => {
      const { archiver, verification } = standaloneAudit(config, dataSource, clock);
      const out = join(folder, 'archive.jsonl');
      const result = await archiver.archive({ before: new Date(now - 200 * DAY), out, purge: true, actor: job });
      expect(result).toMatchObject({ fromSeq: 1, purged: result.count });
      expect(result.count).toBeGreaterThan(20);
      const text = await readFile(out, 'utf8');
      await expect(new AuditExportVerifier().verify(text)).resolves.toMatchObject({ ok: true, checked: result.count });
      await expect(verification.verify()).resolves.toMatchObject({ ok: true, first_bad_seq: null });
      const online = await dataSource.query('SELECT min(seq) AS lo FROM audit_events');
      expect(Number(online[0].lo)).toBe(result.toSeq + 1);
      const archived = await dataSource.query("SELECT details FROM audit_events WHERE action = 'audit.archive'");
      expect(archived[0].details).toMatchObject({ count: result.count, purged: result.count, sha256: result.sha256 });
    });

    it('keeps young events even from a session that switches the purge setting on itself', async () => {
      await expect(
        dataSource.transaction(async (manager) => {
          await manager.query(`SELECT set_config('kefu.audit_purge', 'on', true)`);
          await manager.query('DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)');
        }),
      ).rejects.toThrow(/append-only: DELETE/);
    });
  });

  describe('forwarding to a SIEM', () => {
    let kefu: TestApp;
    let server: Server;
    let received = '';

    beforeAll(async () => {
      server = createServer((socket) => socket.on('data', (chunk) => (received += chunk.toString('utf8'))));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      kefu = await startTestApp({
        env: { KEFU_AUDIT_KEY_DIR: join(folder, 'siem-keys'), KEFU_AUDIT_SYSLOG_TARGET: `tcp://127.0.0.1:${port}` },
      });
    });
    afterAll(async () => {
      await kefu.close();
      await new Promise((resolve) => server.close(resolve));
    });

    it('sends each committed event and checkpoint as an RFC 5424 message with octet-counting framing', async () => {
      const trail = kefu.app.get(AuditTrail);
      await trail.record({ ...event(1), outcome: AuditOutcome.Denied, details: { note: 'quote " and ] bracket' } });
      await trail.record(event(2));
      await kefu.app.get(AuditCheckpointer).checkpoint();
      const forwarder = kefu.app.get(SyslogForwarder);
      while ((await forwarder.forward()) > 0);
      const messages: string[] = [];
      await expect(
        (async () => {
          for (let tries = 0; tries < 100 && messages.length < 3; tries += 1) {
            messages.splice(0, messages.length, ...frames(received));
            if (messages.length < 3) await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return messages.length;
        })(),
      ).resolves.toBe(3);
      const rfc5424 =
        /^<(\d{1,3})>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \S+ kefu \d+ (\S+) \[kefu@32473( [a-z]+="(?:[^"\\\]]|\\["\\\]])*")+\] \uFEFF(\{.*\})$/;
      const parsed = messages.map((m) => rfc5424.exec(m));
      expect(parsed.map((p) => p?.[2])).toEqual(['config.change', 'config.change', 'audit.checkpoint']);
      expect(parsed.map((p) => Number(p?.[1]))).toEqual([13 * 8 + 4, 13 * 8 + 6, 13 * 8 + 5]);
      expect(JSON.parse(parsed[0]?.[4] as string)).toMatchObject({
        seq: 1,
        details: { note: 'quote " and ] bracket' },
      });
      expect(await forwarder.forward()).toBe(0);
    });
  });

  describe('forwarding to a SIEM over TLS', () => {
    it('sends to a receiver whose certificate the configured CA file vouches for', async () => {
      const certDir = join(folder, 'tls');
      await mkdir(certDir);
      try {
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'ec',
            '-pkeyopt',
            'ec_paramgen_curve:P-256',
            '-nodes',
            '-days',
            '1',
            '-subj',
            '/CN=127.0.0.1',
            '-addext',
            'subjectAltName=IP:127.0.0.1',
            '-keyout',
            join(certDir, 'key.pem'),
            '-out',
            join(certDir, 'cert.pem'),
          ],
          { stdio: 'ignore' },
        );
      } catch {
        // No openssl to make a certificate with: the plain TCP test above covers the message format.
        return;
      }
      let received = '';
      const server = createTlsServer(
        { key: await readFile(join(certDir, 'key.pem')), cert: await readFile(join(certDir, 'cert.pem')) },
        (socket) => socket.on('data', (chunk) => (received += chunk.toString('utf8'))),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const kefu = await startTestApp({
        env: {
          KEFU_AUDIT_KEY_DIR: join(folder, 'tls-keys'),
          KEFU_AUDIT_SYSLOG_TARGET: `tls://127.0.0.1:${(server.address() as { port: number }).port}`,
          KEFU_AUDIT_SYSLOG_CA_FILE: join(certDir, 'cert.pem'),
        },
      });
      try {
        await kefu.app.get(AuditTrail).record(event(1));
        await kefu.app.get(AuditTrail).flush();
        // The app's own forwarding timer may get there first; either way the event must arrive.
        await kefu.app.get(SyslogForwarder).forward();
        for (let tries = 0; tries < 100 && frames(received).length < 1; tries += 1)
          await new Promise((resolve) => setTimeout(resolve, 50));
        expect(frames(received)[0]).toMatch(/^<110>1 .* kefu \d+ config\.change \[kefu@32473 seq="1" /);
      } finally {
        await kefu.close();
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('国密 mode', () => {
    let kefu: TestApp;

    beforeAll(async () => {
      kefu = await startTestApp({ env: { KEFU_AUDIT_KEY_DIR: join(folder, 'gm-keys'), KEFU_CRYPTO_MODE: 'gm' } });
    });
    afterAll(() => kefu.close());

    it('chains with HMAC-SM3 and signs checkpoints with SM2 that OpenSSL verifies', async () => {
      const trail = kefu.app.get(AuditTrail);
      await trail.record(event(1));
      await trail.record(event(2));
      await trail.flush();
      const algorithms = await kefu.app.get(DataSource).query('SELECT DISTINCT hash_alg FROM audit_events');
      expect(algorithms).toEqual([{ hash_alg: 'hmac-sm3' }]);
      const checkpoint = await kefu.app.get(AuditCheckpointer).checkpoint();
      expect(checkpoint?.signatureAlg).toBe('sm2-sm3');
      await expect(kefu.app.get(AuditVerification).verify()).resolves.toMatchObject({ ok: true, checked: 2 });

      const { checkpointStatement } = await import('../src/modules/audit/audit-canonical-form.ts');
      const { AuditKeyring } = await import('../src/modules/audit/audit-keyring.ts');
      const keyring = kefu.app.get(AuditKeyring);
      const { signature, ...unsigned } = checkpoint as NonNullable<typeof checkpoint>;
      await writeFile(join(folder, 'statement'), checkpointStatement(unsigned));
      await writeFile(join(folder, 'statement.sig'), Buffer.from(signature, 'base64'));
      await writeFile(join(folder, 'sm2.pub.pem'), keyring.publicKeyPem());
      const openssl = (...args: string[]) =>
        execFileSync('openssl', args, { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      let available = true;
      try {
        openssl('version');
      } catch {
        available = false;
      }
      // Where openssl is installed (CI images here have it), it must accept the SM2 signature as it stands.
      if (available) {
        const args = ['-sm3', '-verify', 'sm2.pub.pem', '-sigopt', 'distid:1234567812345678', '-signature'];
        expect(openssl('dgst', ...args, 'statement.sig', 'statement')).toContain('Verified OK');
      }
    });
  });
});

/** Splits RFC 6587 octet-counted frames (`LEN SP MSG`); a trailing partial frame is left for later. */
function frames(stream: string): string[] {
  const buffer = Buffer.from(stream, 'utf8');
  const out: string[] = [];
  let at = 0;
  while (at < buffer.length) {
    const space = buffer.indexOf(0x20, at);
    if (space < 0) break;
    const length = Number(buffer.subarray(at, space).toString());
    if (space + 1 + length > buffer.length) break;
    out.push(buffer.subarray(space + 1, space + 1 + length).toString('utf8'));
    at = space + 1 + length;
  }
  return out;
}
