import { OUT_OF_SCOPE_LABEL } from './labeled-text.ts';
import type { HeldOutPrediction, OosThresholds } from './oos-thresholds.ts';

/** Share of held-out in-scope messages we accept to lose to "I don't know" when no out-of-scope examples exist. */
const IN_SCOPE_REJECTION = 0.05;
/** Low tail of held-out in-scope coverage that still counts as in scope, and the most the rule may demand. */
const COVERAGE_QUANTILE = 0.05;
const MIN_COVERAGE = 0.45;
const MAX_COVERAGE = 0.8;
/** An intent gets its own threshold only with this many correctly predicted held-out messages. */
const MIN_PER_INTENT = 10;

/**
 * Chooses out-of-scope thresholds on held-out data only (never on the test set). With labelled out-of-scope
 * examples it maximises in-scope accuracy + out-of-scope recall; without them it keeps 95% of correct in-scope
 * answers. Intents whose correct answers are systematically less confident get a lower threshold of their own.
 */
export class OosThresholdCalibrator {
  calibrate(heldOut: HeldOutPrediction[]): OosThresholds {
    const inScope = heldOut.filter((p) => p.actual !== OUT_OF_SCOPE_LABEL);
    const outOfScope = heldOut.filter((p) => p.actual === OUT_OF_SCOPE_LABEL);
    const correct = inScope.filter((p) => p.predicted === p.actual);
    // Text about something else shares only function words and common character n-grams with the training data;
    // in-scope messages rarely fall below the low tail of held-out coverage. Bounded both ways so one odd message in
    // a tiny held-out set can neither switch the rule off nor make it reject ordinary paraphrases.
    const tail = quantile(
      inScope.map((p) => p.coverage),
      COVERAGE_QUANTILE,
    );
    const coverage = Math.min(MAX_COVERAGE, Math.max(MIN_COVERAGE, tail));
    if (correct.length === 0) return { confidence: 0, perIntent: {}, coverage, method: 'no held-out data' };

    let confidence: number;
    let method: string;
    if (outOfScope.length > 0) {
      confidence = this.bestSeparating(inScope, outOfScope);
      method = `maximises in-scope accuracy + out-of-scope recall on ${heldOut.length} held-out messages`;
    } else {
      confidence = quantile(
        correct.map((p) => p.confidence),
        IN_SCOPE_REJECTION,
      );
      method = `keeps ${100 - IN_SCOPE_REJECTION * 100}% of ${correct.length} correct held-out answers`;
    }
    // Lowering a threshold per intent trades away out-of-scope recall, so it is only done when there is no
    // out-of-scope data to weigh that trade against.
    const perIntent = outOfScope.length > 0 ? {} : this.perIntent(correct, confidence);
    return { confidence, perIntent, coverage, method };
  }

  private perIntent(correct: HeldOutPrediction[], confidence: number): Record<string, number> {
    const perIntent: Record<string, number> = {};
    const byIntent = new Map<string, number[]>();
    for (const p of correct) byIntent.set(p.actual, [...(byIntent.get(p.actual) ?? []), p.confidence]);
    for (const [intent, confidences] of [...byIntent].sort(([a], [b]) => a.localeCompare(b))) {
      if (confidences.length < MIN_PER_INTENT) continue;
      const own = quantile(confidences, IN_SCOPE_REJECTION);
      if (own < confidence) perIntent[intent] = Math.max(own, confidence / 2);
    }
    return perIntent;
  }

  private bestSeparating(inScope: HeldOutPrediction[], outOfScope: HeldOutPrediction[]): number {
    const candidates = [...new Set([...inScope, ...outOfScope].map((p) => p.confidence))].sort((a, b) => a - b);
    let best = 0;
    let bestScore = -1;
    for (const threshold of candidates) {
      const accepted = inScope.filter((p) => p.confidence >= threshold && p.predicted === p.actual).length;
      const rejected = outOfScope.filter((p) => p.confidence < threshold).length;
      const score = accepted / inScope.length + rejected / outOfScope.length;
      if (score > bestScore) {
        bestScore = score;
        best = threshold;
      }
    }
    return best;
  }
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
