import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Reads a JSON file that holds secrets, creating it (mode 0600, in a 0700 folder) from `create()` on first use. */
export async function readOrCreatePrivateJson<T>(path: string, create: () => Promise<T> | T): Promise<T> {
  if (existsSync(path)) return JSON.parse(await readFile(path, 'utf8')) as T;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const value = await create();
  await writePrivateJson(path, value);
  return value;
}

export async function writePrivateJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
}
