import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';

export interface BenchmarkSection {
  title: string;
  command: string;
  body: string;
}

const REPORT = new URL('../../../docs/benchmarks.md', import.meta.url);
const HEADER =
  "# Benchmarks\n\nFor anyone weighing Kefu's speed and accuracy. Every figure here is written by a benchmark run, never by hand: rerun the command named in a section to reproduce it.\n";

/** Replaces one benchmark's section of docs/benchmarks.md (between its markers), leaving the others as they are. */
export async function writeBenchmarkSection(id: string, section: BenchmarkSection): Promise<void> {
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const content = [
    start,
    `## ${section.title}`,
    '',
    `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, by \`${section.command}\` (load average when it started: ${loadavg()[0]?.toFixed(1)}).`,
    '',
    section.body,
    end,
  ].join('\n');
  const current = existsSync(REPORT) ? await readFile(REPORT, 'utf8') : HEADER;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${content}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${content}\n`;
  await writeFile(REPORT, next);
}
