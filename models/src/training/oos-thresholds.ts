import { OUT_OF_SCOPE_LABEL } from './labeled-text.ts';

/** When a prediction becomes "I don't know": stored in the manifest, applied by the runtime. */
export interface OosThresholds {
  /** Minimum confidence (mean member probability of the top intent). */
  confidence: number;
  /** Stricter or looser minimum for intents with enough held-out data. */
  perIntent: Record<string, number>;
  /** Minimum share of the message's features seen in training (catches text about something else entirely). */
  coverage: number;
  /** How the thresholds were chosen, for the model card. */
  method: string;
}

/** A held-out prediction used for calibration. */
export interface HeldOutPrediction {
  predicted: string;
  confidence: number;
  coverage: number;
  /** The true label; `oos` for out-of-scope examples. */
  actual: string;
}

/** The runtime's decision: the predicted intent, or `oos` when below its threshold or too little is known. */
export function decide(p: Omit<HeldOutPrediction, 'actual'>, t: OosThresholds): string {
  const minimum = t.perIntent[p.predicted] ?? t.confidence;
  const rejected = p.predicted === OUT_OF_SCOPE_LABEL || p.confidence < minimum || p.coverage < t.coverage;
  return rejected ? OUT_OF_SCOPE_LABEL : p.predicted;
}
