import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { loadConfig } from '../../common/config/load-config.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { verifyStatement } from './statement-signature.ts';

const folder = mkdtempSync(join(tmpdir(), 'kefu-keyring-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const keyring = (dir: string, mode: 'standard' | 'gm' = 'standard') =>
  new AuditKeyring(new KefuConfig(loadConfig({ KEFU_AUDIT_KEY_DIR: join(folder, dir), KEFU_CRYPTO_MODE: mode })));

function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the audit keyring', () => {
  it('creates its keys once, owner-readable only, and finds the same keys again', () => {
    const first = keyring('a');
    first.load();
    for (const file of ['audit-chain.key', 'audit-pseudonym.key', 'audit-signing-ed25519.pem'])
      expect(statSync(join(folder, 'a', file)).mode & 0o777).toBe(0o600);
    const again = keyring('a');
    expect(again.chainKey().equals(first.chainKey())).toBe(true);
    expect(again.signingKeyId()).toBe(first.signingKeyId());
  });

  it.each(['standard', 'gm'] as const)(
    'rotates the %s signing key: the old key signs no more, its signatures still verify',
    (mode) => {
      const dir = `rotate-${mode}`;
      const first = keyring(dir, mode);
      const oldId = first.signingKeyId();
      const oldSignature = first.sign('statement');
      const otherReplica = keyring(dir, mode);
      otherReplica.load();

      const rotation = first.rotateSigningKey();
      expect(rotation).toEqual({ retired: oldId, current: first.signingKeyId() });
      expect(rotation.current).not.toBe(oldId);
      const algorithm = first.signatureAlgorithm;
      expect(first.verify(algorithm, oldId, 'statement', oldSignature)).toBe(true);
      expect(first.verify(algorithm, rotation.current, 'statement', first.sign('statement'))).toBe(true);
      // A replica loaded before the rotation learns the new key when it meets it.
      expect(otherReplica.verify(algorithm, rotation.current, 'statement', first.sign('statement'))).toBe(true);
      expect(otherReplica.signingKeyId()).toBe(rotation.current);
      expect(keyring(dir, mode).verify(algorithm, oldId, 'statement', oldSignature)).toBe(true);
    },
  );

  it('ignores a retired key filed under an id that is not its own', () => {
    const victim = keyring('retired-forgery');
    const oldId = victim.signingKeyId();
    victim.rotateSigningKey();
    const forger = keyring('forger');
    const retiredFile = join(folder, 'retired-forgery', 'retired-signing-keys', `${oldId}.ed25519.pem`);
    writeFileSync(retiredFile, forger.publicKeyPem());
    expect(keyring('retired-forgery').verify('ed25519', oldId, 'forged', forger.sign('forged'))).toBe(false);
  });

  it('turns personal data into tokens that link equal values and differ between installations', () => {
    const a = keyring('a');
    expect(a.pseudonymize('13800138000')).toBe(a.pseudonymize('13800138000'));
    expect(a.pseudonymize('13800138000')).not.toBe(a.pseudonymize('13800138001'));
    expect(a.pseudonymize('13800138000')).not.toBe(keyring('b').pseudonymize('13800138000'));
    expect(a.pseudonymize('13800138000')).not.toContain('13800138000');
  });

  it.each(['standard', 'gm'] as const)('signs statements that verify, and refuses altered ones (%s mode)', (mode) => {
    const ring = keyring(`sign-${mode}`, mode);
    const signature = ring.sign('statement');
    expect(ring.verify(ring.signatureAlgorithm, ring.signingKeyId(), 'statement', signature)).toBe(true);
    expect(ring.verify(ring.signatureAlgorithm, ring.signingKeyId(), 'statemenT', signature)).toBe(false);
    expect(ring.verify(ring.signatureAlgorithm, 'another-key', 'statement', signature)).toBe(false);
  });

  it('makes SM2 signatures that OpenSSL verifies, and verifies signatures OpenSSL makes', () => {
    if (!opensslAvailable()) return; // interop is then only claimed, not shown: docs/audit.md says how to check
    const ring = keyring('gm-openssl', 'gm');
    const dir = join(folder, 'gm-openssl');
    ring.load();
    writeFileSync(join(dir, 'statement'), 'kefu checkpoint 42');
    writeFileSync(join(dir, 'kefu.sig'), Buffer.from(ring.sign('kefu checkpoint 42'), 'base64'));
    writeFileSync(join(dir, 'public.pem'), ring.publicKeyPem());
    const id = ['-sigopt', 'distid:1234567812345678'];
    const verified = execFileSync(
      'openssl',
      ['dgst', '-sm3', '-verify', 'public.pem', ...id, '-signature', 'kefu.sig', 'statement'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(verified).toContain('Verified OK');

    // The other way: an SM2 key and signature made by openssl alone, checked by Kefu's verifier.
    execFileSync('openssl', ['genpkey', '-algorithm', 'SM2', '-out', 'openssl.key'], { cwd: dir });
    execFileSync('openssl', ['pkey', '-in', 'openssl.key', '-pubout', '-out', 'openssl.pub'], { cwd: dir });
    execFileSync('openssl', ['dgst', '-sm3', '-sign', 'openssl.key', ...id, '-out', 'openssl.sig', 'statement'], {
      cwd: dir,
    });
    const signature = readFileSync(join(dir, 'openssl.sig')).toString('base64');
    const publicKey = readFileSync(join(dir, 'openssl.pub'), 'utf8');
    expect(verifyStatement('sm2-sm3', publicKey, 'kefu checkpoint 42', signature)).toBe(true);
    expect(verifyStatement('sm2-sm3', publicKey, 'kefu checkpoint 43', signature)).toBe(false);
  });
});
