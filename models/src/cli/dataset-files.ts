import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Reads a JSON Lines file; a malformed line is reported with its number. */
export async function readJsonLines<T>(path: string): Promise<T[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const rows: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line) as T);
    } catch {
      throw new Error(`${path}:${i + 1}: not valid JSON`);
    }
  });
  return rows;
}

/** Reads DIR/name.jsonl when it exists. */
export async function readSplit<T>(dir: string, name: string): Promise<T[] | undefined> {
  const path = join(dir, `${name}.jsonl`);
  return existsSync(path) ? readJsonLines<T>(path) : undefined;
}
