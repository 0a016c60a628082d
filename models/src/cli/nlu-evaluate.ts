import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelPackage } from '../artifacts/model-package.ts';
import { classificationReport } from '../evaluation/classification-report.ts';
import { measureSpeed, type SpeedReport } from '../evaluation/latency-probe.ts';
import { IntentClassifier } from '../runtime/intent-classifier.ts';
import { IntentModelBuilder } from '../training/intent-model-builder.ts';
import type { LabeledText } from '../training/labeled-text.ts';
import { OUT_OF_SCOPE_LABEL } from '../training/labeled-text.ts';
import { type LabeledPair, pairClasses } from '../training/pair-classes.ts';
import { cosine, PairThresholdCalibrator } from '../training/pair-threshold-calibrator.ts';
import type { TrainingOptions } from '../training/training-options.ts';
import { labeledPair, labeledText, readJsonLines, readSplit } from './dataset-files.ts';

export interface EvaluateCommandOptions {
  data: string;
  /** `intent` (default): `{"text","label"}` files; `pairs`: `{"a","b","label"}` files, label 1 = same meaning. */
  task?: 'intent' | 'pairs';
  training?: Partial<TrainingOptions>;
}

export interface IntentEvaluation extends SpeedReport {
  task: 'intent';
  /** With `oos` in the test labels: final answers (intent or oos) that are right; else top-1 intent accuracy. */
  accuracy: number;
  macro_f1: number;
  /** Best intent right on in-scope messages, out-of-scope rule ignored (the closed-set benchmark figure). */
  top1_accuracy: number;
  /** In-scope messages answered (not rejected) with the right intent. */
  in_scope_accuracy: number;
  oos_recall?: number;
  /** Wall time of training (featurisation, ensemble, calibration, export). */
  train_seconds: number;
  /** CPU time of the same, all threads: less sensitive than wall time to other jobs on the machine. */
  train_cpu_seconds: number;
  test_examples: number;
}

export interface PairEvaluation extends SpeedReport {
  task: 'pairs';
  accuracy: number;
  f1: number;
  threshold: number;
  train_seconds: number;
  train_cpu_seconds: number;
  test_pairs: number;
}

/** `kefu eval`: trains on DIR/train.jsonl and valid (cross-fitted, thresholds from it), scores DIR/test.jsonl. */
export async function evaluate(options: EvaluateCommandOptions): Promise<IntentEvaluation | PairEvaluation> {
  return options.task === 'pairs' ? evaluatePairs(options) : evaluateIntents(options);
}

async function evaluateIntents(options: EvaluateCommandOptions): Promise<IntentEvaluation> {
  const trainSet = await readJsonLines(join(options.data, 'train.jsonl'), labeledText);
  const valid = await readSplit(options.data, 'valid', labeledText);
  const test = await readJsonLines(join(options.data, 'test.jsonl'), labeledText);
  return evaluateIntentSplits(trainSet, valid, test, options.training);
}

/** Trains on `trainSet` (thresholds from `valid` or cross-fitting) and scores `test` through the runtime. */
export async function evaluateIntentSplits(
  trainSet: LabeledText[],
  valid: LabeledText[] | undefined,
  test: LabeledText[],
  training?: Partial<TrainingOptions>,
  learnFromValid?: boolean,
): Promise<IntentEvaluation> {
  return withTrainedModel(trainSet, valid, training, learnFromValid, async (classifier, trainTime) => {
    const predictions = await classifyAll(
      classifier,
      test.map((e) => e.text),
    );
    const labels = test.map((e) => e.label);
    const final = classificationReport(
      labels,
      predictions.map((p) => (p.oos ? OUT_OF_SCOPE_LABEL : p.intent)),
    );
    const top1 = classificationReport(
      labels,
      predictions.map((p) => p.intent),
    );
    const closedSet = final.oos_recall === undefined;
    const report = {
      accuracy: closedSet ? top1.accuracy : final.accuracy,
      macro_f1: closedSet ? top1.macro_f1 : final.macro_f1,
      top1_accuracy: top1.in_scope_accuracy,
      in_scope_accuracy: final.in_scope_accuracy,
      ...(closedSet ? {} : { oos_recall: final.oos_recall }),
    };
    const speed = await measureSpeed(
      classifier,
      test.map((e) => e.text),
    );
    return { task: 'intent', ...report, ...trainTime, test_examples: test.length, ...speed };
  });
}

async function evaluatePairs(options: EvaluateCommandOptions): Promise<PairEvaluation> {
  const trainPairs = await readJsonLines(join(options.data, 'train.jsonl'), labeledPair);
  const validPairs = await readSplit(options.data, 'valid', labeledPair);
  const testPairs = await readJsonLines(join(options.data, 'test.jsonl'), labeledPair);
  return withTrainedModel(pairClasses(trainPairs), undefined, options.training, true, async (classifier, trainTime) => {
    const similarities = async (pairs: LabeledPair[]) => {
      const a = await embedAll(
        classifier,
        pairs.map((p) => p.a),
      );
      const b = await embedAll(
        classifier,
        pairs.map((p) => p.b),
      );
      return pairs.map((p, i) => ({ similarity: cosine(a[i], b[i]), same: Number(p.label) === 1 }));
    };
    // Training pairs are memorised, so their similarities overstate unseen ones: without valid pairs, use the
    // threshold the builder calibrated on out-of-fold messages.
    const threshold = validPairs
      ? new PairThresholdCalibrator().calibrate(await similarities(validPairs))
      : classifier.manifest.pairThreshold;
    const scored = await similarities(testPairs);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let correct = 0;
    for (const { similarity, same } of scored) {
      const guess = similarity >= threshold;
      if (guess === same) correct++;
      if (guess && same) tp++;
      if (guess && !same) fp++;
      if (!guess && same) fn++;
    }
    const speed = await measureSpeed(
      classifier,
      testPairs.map((p) => p.a),
    );
    return {
      task: 'pairs',
      accuracy: round(correct / Math.max(scored.length, 1)),
      f1: round((2 * tp) / Math.max(2 * tp + fp + fn, 1)),
      threshold,
      ...trainTime,
      test_pairs: scored.length,
      ...speed,
    };
  });
}

/** Trains, writes the package to a temporary directory and serves it through the real runtime path. */
async function withTrainedModel<T>(
  trainSet: LabeledText[],
  valid: LabeledText[] | undefined,
  training: Partial<TrainingOptions> | undefined,
  learnFromValid: boolean | undefined,
  use: (classifier: IntentClassifier, trainTime: TrainTime) => Promise<T>,
): Promise<T> {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const built = await new IntentModelBuilder().build({
    id: 'eval',
    version: '0',
    task: 'intent',
    createdAt: new Date().toISOString(),
    train: trainSet,
    valid,
    training,
    learnFromValid,
  });
  const cpu = process.cpuUsage(cpuStarted);
  const trainTime = {
    train_seconds: round(Number(process.hrtime.bigint() - started) / 1e9),
    train_cpu_seconds: round((cpu.user + cpu.system) / 1e6),
  };
  const dir = await mkdtemp(join(tmpdir(), 'kefu-eval-'));
  try {
    await ModelPackage.write(dir, built.onnx, built.manifest);
    const classifier = await IntentClassifier.load(dir);
    try {
      return await use(classifier, trainTime);
    } finally {
      await classifier.release();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface TrainTime {
  train_seconds: number;
  train_cpu_seconds: number;
}

const BATCH = 256;

async function classifyAll(classifier: IntentClassifier, texts: string[]) {
  const out = [];
  for (let i = 0; i < texts.length; i += BATCH)
    out.push(...(await classifier.classifyBatch(texts.slice(i, i + BATCH))));
  return out;
}

async function embedAll(classifier: IntentClassifier, texts: string[]) {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += BATCH) out.push(...(await classifier.embed(texts.slice(i, i + BATCH))));
  return out;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
