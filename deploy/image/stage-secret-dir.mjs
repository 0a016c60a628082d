// Init container of the Helm chart: copies key files from read-only Secret mounts into the writable (memory-backed)
// folders Kefu uses, mode 0600, because Kefu sets 0600 on its key files at start and a Secret mount refuses chmod.
// The image has no shell, so this is plain Node. Usage: node stage-secret-dir.mjs FROM:TO [FROM:TO...]
import { chmodSync, copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

for (const pair of process.argv.slice(2)) {
  const [from, to] = pair.split(':');
  if (!from || !to) throw new Error(`expected FROM:TO, got ${pair}`);
  mkdirSync(to, { recursive: true, mode: 0o700 });
  // A Secret volume holds `..data` and timestamped folders next to symlinks named after the keys: copy only those.
  const names = readdirSync(from).filter((name) => !name.startsWith('..') && statSync(join(from, name)).isFile());
  for (const name of names) {
    copyFileSync(join(from, name), join(to, name));
    chmodSync(join(to, name), 0o600);
  }
  process.stdout.write(`staged ${names.length} key file(s) from ${from} into ${to}\n`);
}
