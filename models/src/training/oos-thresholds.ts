import { OUT_OF_SCOPE_LABEL } from './labeled-text.ts';

/**
 * What the confidence threshold is compared with: the ensemble's probability of its best intent, or the linear
 * model's probability of that same intent (less over-confident on questions the networks map onto a known intent).
 */
export type RejectionScore = 'probability' | 'linear';

/** When a prediction becomes "I don't know": stored in the manifest, applied by the runtime. */
export interface OosThresholds {
  /** Minimum rejection score of the top intent (see `score`). */
  confidence: number;
  /** Stricter or looser minimum for intents with enough held-out data. */
  perIntent: Record<string, number>;
  /** Minimum share of the message's features seen in training (catches text about something else entirely). */
  coverage: number;
  /** The score `confidence` applies to; absent (models trained before it existed) means `probability`. */
  score?: RejectionScore;
  /** How the thresholds were chosen, for the model card. */
  method: string;
}

/** A held-out prediction used for calibration. */
export interface HeldOutPrediction {
  predicted: string;
  /** The ensemble's (or out-of-fold member's) probability of the predicted intent. */
  confidence: number;
  /** The linear model's probability of the predicted intent, when it did not learn this message. */
  linearConfidence?: number;
  coverage: number;
  /** The true label; `oos` for out-of-scope examples. */
  actual: string;
}

/** The score a prediction is judged by under `t`. */
export function rejectionScore(p: Omit<HeldOutPrediction, 'actual'>, t: Pick<OosThresholds, 'score'>): number {
  return t.score === 'linear' ? (p.linearConfidence ?? p.confidence) : p.confidence;
}

/** The runtime's decision: the predicted intent, or `oos` when below its threshold or too little is known. */
export function decide(p: Omit<HeldOutPrediction, 'actual'>, t: OosThresholds): string {
  const minimum = t.perIntent[p.predicted] ?? t.confidence;
  const rejected = p.predicted === OUT_OF_SCOPE_LABEL || rejectionScore(p, t) < minimum || p.coverage < t.coverage;
  return rejected ? OUT_OF_SCOPE_LABEL : p.predicted;
}
