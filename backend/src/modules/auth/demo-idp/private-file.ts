import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { makePrivateDirectory } from '../../../common/fs/private-directory.ts';

/** Reads a JSON file that holds secrets, creating it (mode 0600, in a 0700 folder) from `create()` on first use. */
export async function readOrCreatePrivateJson<T>(path: string, create: () => Promise<T> | T): Promise<T> {
  if (existsSync(path)) return JSON.parse(await readFile(path, 'utf8')) as T;
  await makePrivateDirectory(dirname(path));
  const value = await create();
  await writePrivateJson(path, value);
  return value;
}

export async function writePrivateJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
}
