import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

const HEADER = `# Benchmarks

For operators and reviewers: measured speed and accuracy of Kefu's components on this repository's reference
machine. Each section is written by its \`npm run bench:*\` script; do not edit between the markers by hand.
`;

/** Replaces (or appends) the section between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, leaving others. */
export async function writeBenchmarkSection(path: string, name: string, body: string): Promise<void> {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const section = `${open}\n${body.trim()}\n${close}`;
  const current = existsSync(path) ? await readFile(path, 'utf8') : HEADER;
  const start = current.indexOf(open);
  const end = current.indexOf(close);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${section}${current.slice(end + close.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(path, next);
}
