import { mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Creates a folder only its owner may enter (0700), for keys and secrets. Missing parents get the default mode:
 * `mkdir -p` with 0700 would make each of them private too — `.kefu` among them, where the embedded PostgreSQL keeps
 * its data directory, and which it cannot reach when Kefu runs as root (it then runs as the `postgres` user).
 */
export async function makePrivateDirectory(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await mkdir(path, { recursive: true, mode: 0o700 });
}

/** `makePrivateDirectory` for synchronous callers. */
export function makePrivateDirectorySync(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  mkdirSync(path, { recursive: true, mode: 0o700 });
}
