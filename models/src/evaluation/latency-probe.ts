import type { IntentClassifier } from '../runtime/intent-classifier.ts';

export interface SpeedReport {
  /** Per single message, featurisation included, in microseconds. */
  p50_us: number;
  p99_us: number;
  /** Messages per second (wall clock) in batches on one thread (the session runs single-threaded). */
  throughput_per_s: number;
  /** Messages per CPU-second in the same batches: throughput per core, unaffected by other jobs waiting for CPU. */
  throughput_per_cpu_s: number;
}

const SINGLE_MESSAGES = 1000;
const WARM_UP = 50;
const BATCH = 16;
/** Batch passes over the texts; each takes a fraction of a second, so the median of several damps a stray slow one. */
const THROUGHPUT_PASSES = 5;

/** Measures latency and batch throughput (median of several passes) of a loaded classifier on real messages. */
export async function measureSpeed(classifier: IntentClassifier, texts: string[]): Promise<SpeedReport> {
  const sample = texts.slice(0, SINGLE_MESSAGES);
  for (const text of sample.slice(0, WARM_UP)) await classifier.classify(text);
  const durations: number[] = [];
  for (const text of sample) {
    const start = process.hrtime.bigint();
    await classifier.classify(text);
    durations.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  durations.sort((a, b) => a - b);
  const passes: Array<{ perSecond: number; perCpuSecond: number }> = [];
  for (let pass = 0; pass < THROUGHPUT_PASSES; pass += 1) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < texts.length; i += BATCH) await classifier.classifyBatch(texts.slice(i, i + BATCH));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    passes.push({ perSecond: texts.length / seconds, perCpuSecond: texts.length / ((cpu.user + cpu.system) / 1e6) });
  }
  return {
    p50_us: Math.round(durations[Math.floor(durations.length * 0.5)]),
    p99_us: Math.round(durations[Math.min(durations.length - 1, Math.floor(durations.length * 0.99))]),
    throughput_per_s: Math.round(median(passes.map((pass) => pass.perSecond))),
    throughput_per_cpu_s: Math.round(median(passes.map((pass) => pass.perCpuSecond))),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
