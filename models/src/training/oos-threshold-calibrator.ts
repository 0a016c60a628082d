import { OUT_OF_SCOPE_LABEL } from './labeled-text.ts';
import {
  decide,
  type HeldOutPrediction,
  type OosThresholds,
  type RejectionScore,
  rejectionScore,
} from './oos-thresholds.ts';

/** Share of held-out in-scope messages we accept to lose to "I don't know" when no out-of-scope examples exist. */
const IN_SCOPE_REJECTION = 0.05;
/** Low tail of held-out in-scope coverage that still counts as in scope, and the most the rule may demand. */
const COVERAGE_QUANTILE = 0.05;
const MIN_COVERAGE = 0.45;
const MAX_COVERAGE = 0.8;
/** Tails of held-out in-scope coverage tried when out-of-scope examples can judge them (strictest first). */
const COVERAGE_QUANTILES = [COVERAGE_QUANTILE, 0.02, 0.01, 0];
/**
 * With labelled out-of-scope examples: the share of them the bot must refuse (issue #10's operating point: refuse
 * at least 70% of the banking questions it was not built for, and answer as many in-scope ones as possible).
 */
const TARGET_OOS_RECALL = 0.7;
/** An intent gets its own threshold only with this many correctly predicted held-out messages. */
const MIN_PER_INTENT = 10;

/**
 * Chooses out-of-scope thresholds on held-out data only (never on the test set). With labelled out-of-scope
 * examples it maximises in-scope accuracy while refusing at least TARGET_OOS_RECALL of them (plus one standard error,
 * so that the target still holds on new data), judging by the ensemble's probability or, when the held-out messages
 * carry it, the linear model's, whichever answers more; without them it keeps 95% of correct in-scope answers.
 * Intents whose correct answers are systematically less confident get a lower threshold of their own.
 */
export class OosThresholdCalibrator {
  calibrate(heldOut: HeldOutPrediction[]): OosThresholds {
    const inScope = heldOut.filter((p) => p.actual !== OUT_OF_SCOPE_LABEL);
    const outOfScope = heldOut.filter((p) => p.actual === OUT_OF_SCOPE_LABEL);
    const correct = inScope.filter((p) => p.predicted === p.actual);
    // Text about something else shares only function words and common character n-grams with the training data;
    // in-scope messages rarely fall below the low tail of held-out coverage. Bounded both ways so one odd message in
    // a tiny held-out set can neither switch the rule off nor make it reject ordinary paraphrases.
    const coverages = inScope.map((p) => p.coverage);
    const coverageAt = (q: number) => Math.min(MAX_COVERAGE, Math.max(MIN_COVERAGE, quantile(coverages, q)));
    let coverage = coverageAt(COVERAGE_QUANTILE);
    if (correct.length === 0) return { confidence: 0, perIntent: {}, coverage, method: 'no held-out data' };

    let confidence: number;
    let score: RejectionScore = 'probability';
    let method: string;
    if (outOfScope.length > 0) {
      // Out-of-scope questions from the same domain have high coverage, so the coverage rule mostly costs in-scope
      // answers there: with out-of-scope data to judge by, a lower tail (down to MIN_COVERAGE) may be chosen. The
      // linear model's probability is tried as the score too when it did not learn the held-out messages.
      const recall = targetRecall(outOfScope.length);
      const scores: RejectionScore[] = heldOut.every((p) => p.linearConfidence !== undefined)
        ? ['probability', 'linear']
        : ['probability'];
      let best = { threshold: 0, inScopeAccuracy: -1 };
      for (const candidateScore of scores) {
        for (const q of COVERAGE_QUANTILES) {
          const candidate = this.bestSeparating(inScope, outOfScope, coverageAt(q), candidateScore, recall);
          if (candidate.inScopeAccuracy > best.inScopeAccuracy) {
            best = candidate;
            coverage = coverageAt(q);
            score = candidateScore;
          }
        }
      }
      confidence = best.threshold;
      method =
        `maximises in-scope accuracy with out-of-scope recall ≥ ${recall.toFixed(3)} on ${heldOut.length} ` +
        `held-out messages (score: ${score === 'linear' ? "the linear model's" : "the ensemble's"} probability)`;
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
    return { confidence, perIntent, coverage, score, method };
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

  /**
   * The lowest threshold (so the most in-scope answers) whose out-of-scope recall reaches `recall`, counting what the
   * runtime rejects anyway (predicted `oos`, low coverage).
   */
  private bestSeparating(
    inScope: HeldOutPrediction[],
    outOfScope: HeldOutPrediction[],
    coverage: number,
    score: RejectionScore,
    recall: number,
  ): { threshold: number; inScopeAccuracy: number } {
    const values = [...inScope, ...outOfScope].map((p) => rejectionScore(p, { score }));
    const candidates = [0, ...new Set(values)].sort((a, b) => a - b);
    for (const threshold of candidates) {
      const t = { confidence: threshold, perIntent: {}, coverage, score, method: '' };
      const rejected = outOfScope.filter((p) => decide(p, t) === OUT_OF_SCOPE_LABEL).length / outOfScope.length;
      if (rejected >= recall) {
        const accepted = inScope.filter((p) => decide(p, t) === p.actual).length / inScope.length;
        return { threshold, inScopeAccuracy: accepted };
      }
    }
    // Only reached when out-of-scope messages are predicted with full confidence: refuse all that can be refused.
    return { threshold: candidates[candidates.length - 1] + 1e-6, inScopeAccuracy: 0 };
  }
}

/** TARGET_OOS_RECALL plus one standard error of a recall measured on `n` examples. */
function targetRecall(n: number): number {
  return Math.min(1, TARGET_OOS_RECALL + Math.sqrt((TARGET_OOS_RECALL * (1 - TARGET_OOS_RECALL)) / n));
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
