import type { ModelManifest } from '../artifacts/model-manifest.ts';
import { sha256Hex } from '../artifacts/sha256.ts';
import { classificationReport } from '../evaluation/classification-report.ts';
import { DEFAULT_FEATURIZER_CONFIG, type FeaturizerConfig } from '../featurizer/featurizer-config.ts';
import { OnnxExporter } from '../onnx/onnx-exporter.ts';
import type { EnsembleScores, IntentEnsemble } from './intent-ensemble.ts';
import { IntentTrainer } from './intent-trainer.ts';
import { type LabeledText, OUT_OF_SCOPE_LABEL } from './labeled-text.ts';
import { OosThresholdCalibrator } from './oos-threshold-calibrator.ts';
import { decide, type HeldOutPrediction, type OosThresholds } from './oos-thresholds.ts';
import { PairThresholdCalibrator } from './pair-threshold-calibrator.ts';
import { SeededRandom } from './seeded-random.ts';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './training-options.ts';

/** Without a valid split, member m is trained without fold m of 10 and calibrated on it. */
const FOLDS = 10;

export interface BuildRequest {
  id: string;
  version: string;
  task: string;
  /** Passed in rather than read from the clock, so tests and rebuilds are reproducible. */
  createdAt: string;
  train: LabeledText[];
  /** Held-out data for thresholds (may contain `oos`); without it thresholds come from cross-fitting on train. */
  valid?: LabeledText[];
  featurizer?: Partial<FeaturizerConfig>;
  training?: Partial<TrainingOptions>;
  /**
   * `true`: learn from `valid` too, cross-fitted (for a bank that has collected the questions its bot must refuse).
   * Default: valid only chooses thresholds, scored by the whole ensemble trained on train alone — the protocol of
   * the published benchmarks, and what `kefu eval` promises.
   */
  learnFromValid?: boolean;
}

export interface BuiltModel {
  onnx: Uint8Array;
  manifest: Omit<ModelManifest, 'files'>;
  ensemble: IntentEnsemble;
}

/** Data → trained ensemble → calibrated thresholds → ONNX bytes and manifest. */
export class IntentModelBuilder {
  async build(request: BuildRequest): Promise<BuiltModel> {
    const featurizerConfig = { ...DEFAULT_FEATURIZER_CONFIG, ...request.featurizer };
    const options = { ...DEFAULT_TRAINING_OPTIONS, ...request.training };
    const trainer = new IntentTrainer(featurizerConfig, options);
    const featurize = (text: string) => trainer.featurizer.featurize(text);
    let ensemble: IntentEnsemble;
    let held: HeldOut[];
    if (request.valid && request.learnFromValid !== true) {
      ensemble = await trainer.train(request.train);
      held = request.valid.map((e) => heldOut(ensemble, ensemble.score(featurize(e.text)), e.label, 0));
    } else if (request.valid) {
      // The valid split is learnt from as well (it may hold the only `oos` examples, the best evidence of what to
      // refuse), cross-fitted like train below: member m skips valid fold m and scores it, so every valid message
      // is scored by a network that never saw it. With one member this is plain training on train alone. The linear
      // model learns all of valid (its `oos` examples too), so only the networks score it.
      const valid = request.valid;
      const validFolds = stratifiedFolds(valid, options.members, options.seed);
      const folds = new Int32Array(request.train.length + valid.length).fill(-1);
      folds.set(validFolds, request.train.length);
      ensemble = await trainer.train([...request.train, ...valid], folds);
      held = valid.map((e, i) =>
        heldOut(ensemble, ensemble.scoreOutOfFold(featurize(e.text), validFolds[i]), e.label, validFolds[i]),
      );
    } else {
      // Cross-fitting: member m skips fold m and scores it, so thresholds come from messages the scoring network
      // never saw while the ensemble still learns from every example.
      const folds = stratifiedFolds(request.train, FOLDS, options.seed);
      ensemble = await trainer.train(request.train, folds);
      held = request.train.flatMap((e, i) =>
        folds[i] < options.members
          ? [heldOut(ensemble, ensemble.scoreOutOfFold(featurize(e.text), folds[i]), e.label, folds[i])]
          : [],
      );
    }
    const learntValid = request.learnFromValid === true ? (request.valid ?? []) : [];
    const thresholds = new OosThresholdCalibrator().calibrate(held.map((h) => h.prediction));
    // Embeddings of different members are not comparable: pairs are built among messages scored by member 0.
    const pairThreshold = new PairThresholdCalibrator().fromLabelled(
      held
        .filter((h) => h.member === 0 && h.prediction.actual !== OUT_OF_SCOPE_LABEL)
        .map((h) => ({ embedding: h.scores.embedding, label: h.prediction.actual })),
      options.seed,
    );
    const onnx = new OnnxExporter().export({
      rowOfBucket: ensemble.vocabulary.rowOfBucket,
      idf: ensemble.vocabulary.idf,
      members: ensemble.members,
      linear: ensemble.linear,
      labels: ensemble.labels,
    });
    const manifest: Omit<ModelManifest, 'files'> = {
      id: request.id,
      version: request.version,
      task: request.task,
      createdAt: request.createdAt,
      data: {
        // Valid is learnt from too, so it is part of the data the hash identifies.
        sha256: sha256Hex([...request.train, ...learntValid].map((e) => JSON.stringify(e)).join('\n')),
        examples: request.train.length,
        ...(learntValid.length > 0 ? { validExamples: learntValid.length } : {}),
      },
      featurizer: featurizerConfig,
      // The linear model is left out for many classes (see IntentTrainer): record the share actually used.
      training: { ...options, linearShare: ensemble.linear?.share ?? 0 },
      labels: ensemble.labels,
      metrics: heldOutMetrics(
        held.map((h) => h.prediction),
        thresholds,
        request.valid ? 'valid' : 'out_of_fold',
      ),
      thresholds,
      pairThreshold,
    };
    return { onnx, manifest, ensemble };
  }
}

/**
 * Calibration-data metrics for the manifest, prefixed `valid_` (each valid message scored by the member that did not
 * learn from it) or `out_of_fold_` (one member on the fold of train it skipped). Both are pessimistic: one member is
 * weaker than the ensemble.
 */
function heldOutMetrics(held: HeldOutPrediction[], thresholds: OosThresholds, source: string): Record<string, number> {
  const report = classificationReport(
    held.map((p) => p.actual),
    held.map((p) => decide(p, thresholds)),
  );
  const raw = classificationReport(
    held.map((p) => p.actual),
    held.map((p) => p.predicted),
  );
  return {
    [`${source}_examples`]: held.length,
    [`${source}_top1_accuracy`]: raw.in_scope_accuracy,
    [`${source}_in_scope_accuracy`]: report.in_scope_accuracy,
    ...(report.oos_recall === undefined ? {} : { [`${source}_oos_recall`]: report.oos_recall }),
  };
}

interface HeldOut {
  scores: EnsembleScores;
  prediction: HeldOutPrediction;
  /** The member whose scores these are (0 when the whole ensemble scored). */
  member: number;
}

/**
 * The linear model's probability is recorded when the scores have it: only the whole ensemble's scores of valid
 * messages it did not learn (out-of-fold scores come from one network).
 */
function heldOut(ensemble: IntentEnsemble, scores: EnsembleScores, actual: string, member: number): HeldOut {
  let best = 0;
  for (let c = 1; c < scores.probabilities.length; c++) {
    if (scores.probabilities[c] > scores.probabilities[best]) best = c;
  }
  const linear = scores.linearProbabilities;
  const prediction = {
    predicted: ensemble.labels[best],
    confidence: scores.probabilities[best],
    ...(linear ? { linearConfidence: linear[best] } : {}),
    coverage: scores.coverage,
    actual,
  };
  return { scores, prediction, member };
}

/** Assigns every example a fold, dealing each label's shuffled examples round-robin from a random start. */
function stratifiedFolds(examples: LabeledText[], folds: number, seed: number): Int32Array {
  const random = new SeededRandom(seed ^ 0x5bd1e995);
  const byLabel = new Map<string, number[]>();
  examples.forEach((e, i) => {
    byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), i]);
  });
  const fold = new Int32Array(examples.length);
  for (const label of [...byLabel.keys()].sort()) {
    const indices = random.shuffle([...(byLabel.get(label) ?? [])]);
    const start = random.int(folds);
    indices.forEach((index, position) => {
      fold[index] = (start + position) % folds;
    });
  }
  return fold;
}
