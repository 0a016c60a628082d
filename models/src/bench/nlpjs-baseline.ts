import { createRequire } from 'node:module';
import type { LabeledText } from '../training/labeled-text.ts';

/** The subset of node-nlp's NlpManager the comparison uses (the package ships no types). */
interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(
    locale: string,
    utterance: string,
  ): Promise<{ intent: string; score: number; classifications?: { intent: string; score: number }[] }>;
}

export interface BaselineRun {
  /** Final answers, `None` counted as `oos`. */
  predictions: string[];
  /** Best real intent even when NLP.js answered `None`. */
  top1: string[];
  trainSeconds: number;
  trainCpuSeconds: number;
  latenciesUs: number[];
  /** Messages per CPU-second while answering the test set one by one. */
  throughputPerCpuSecond: number;
}

/**
 * NLP.js (node-nlp) with its defaults, trained on the same split, as the comparison point. It answers `None` below
 * its own default threshold, which we count as out of scope. It has no batch API, so its throughput is sequential.
 */
export async function runNlpJs(train: LabeledText[], test: LabeledText[]): Promise<BaselineRun> {
  const require = createRequire(import.meta.url);
  const { NlpManager } = require('node-nlp') as { NlpManager: new (settings: object) => NlpManagerLike };
  // log: false only silences its progress output and autoSave: false stops it writing model.nlp into the working
  // directory; every model setting stays at its default.
  const manager = new NlpManager({ languages: ['en'], nlu: { log: false }, autoSave: false });
  for (const example of train) manager.addDocument('en', example.text, example.label);
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  await manager.train();
  const trainSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  const trainCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const predictions: string[] = [];
  const top1: string[] = [];
  const latenciesUs: number[] = [];
  const answerCpu = process.cpuUsage();
  for (const example of test) {
    const start = process.hrtime.bigint();
    const answer = await manager.process('en', example.text);
    latenciesUs.push(Number(process.hrtime.bigint() - start) / 1000);
    predictions.push(answer.intent === 'None' ? 'oos' : answer.intent);
    top1.push(answer.classifications?.find((c) => c.intent !== 'None')?.intent ?? 'oos');
  }
  const answerSpent = process.cpuUsage(answerCpu);
  const throughputPerCpuSecond = test.length / ((answerSpent.user + answerSpent.system) / 1e6);
  return { predictions, top1, trainSeconds, trainCpuSeconds, latenciesUs, throughputPerCpuSecond };
}
