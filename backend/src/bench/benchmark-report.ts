import { cpus, loadavg } from 'node:os';
import { writeBenchmarkSection as writeSection } from '@kefu/models';

export interface BenchmarkSection {
  title: string;
  command: string;
  body: string;
}

const REPORT = new URL('../../../docs/benchmarks.md', import.meta.url).pathname;

/** Writes one backend benchmark's section of docs/benchmarks.md, headed by when, where and how it was measured. */
export async function writeBenchmarkSection(id: string, section: BenchmarkSection): Promise<void> {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
  const body = [
    `## ${section.title}`,
    '',
    `Measured ${new Date().toISOString()} on ${machine}, by \`${section.command}\` (load average when it started: ${loadavg()[0]?.toFixed(1)}).`,
    '',
    section.body,
  ].join('\n');
  await writeSection(REPORT, id, body);
}
