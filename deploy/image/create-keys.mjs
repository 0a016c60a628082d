// Creates Kefu's key files before the first installation, so that they can be stored as Kubernetes Secrets (shared
// by all replicas) or copied to a VM's data folder, and backed up before any data exists. It calls the app's own
// key code (backend/dist), so the files are exactly those the app would create at first start.
// Usage (from an unpacked VM release or the app tree): node deploy/create-keys.mjs OUT_DIR [standard|gm]
// Writes OUT_DIR/idp (visitor signing key), OUT_DIR/audit (chain, pseudonym and signing keys) and OUT_DIR/crypto
// (key-encryption key version 1), files mode 0600.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [out, mode = 'standard'] = process.argv.slice(2);
if (!out || !['standard', 'gm'].includes(mode)) {
  process.stderr.write('usage: node create-keys.mjs OUT_DIR [standard|gm]\n');
  process.exit(64);
}
const dir = resolve(out);
for (const folder of ['idp', 'audit', 'crypto']) {
  if (existsSync(join(dir, folder))) {
    process.stderr.write(`create-keys: ${join(dir, folder)} exists; refusing to overwrite keys\n`);
    process.exit(1);
  }
}
// In a release the script sits in <app>/deploy/; in the repository in deploy/image/.
const app = [new URL('../backend/dist/', import.meta.url), new URL('../../backend/dist/', import.meta.url)].find(
  (url) => existsSync(url),
);
if (!app) throw new Error('create-keys: backend/dist not found (run npm run build)');
const { AuditKeyring } = await import(new URL('modules/audit/audit-keyring.js', app).href);
const { VisitorTokens } = await import(new URL('modules/auth/visitor-tokens.js', app).href);
const { FileKekProvider } = await import(new URL('modules/crypto/file-kek-provider.js', app).href);
const { algorithmForMode } = await import(new URL('modules/crypto/symmetric-cipher.js', app).href);

new AuditKeyring({ crypto: { mode }, audit: { keyDir: join(dir, 'audit') } }).load();
await new VisitorTokens({
  identity: { demoProvider: { dataDir: join(dir, 'idp') }, visitor: {} },
}).onModuleInit();
await new FileKekProvider(join(dir, 'crypto'), algorithmForMode(mode)).createVersion(1);
process.stdout.write(`create-keys: wrote ${dir}/idp, ${dir}/audit and ${dir}/crypto (${mode})\n`);
