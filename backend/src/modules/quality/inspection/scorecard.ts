import { applyRule } from './inspect.ts';
import type { InspectionRule } from './inspection-rule.ts';
import type { Finding, InspectedTranscript } from './transcript.ts';

/** A weighted list of rules (评分卡): each rule the conversation passes earns its weight. */
export interface Scorecard {
  id: string;
  name: string;
  items: ReadonlyArray<{ ruleId: string; weight: number }>;
}

export interface ScoredItem {
  ruleId: string;
  weight: number;
  passed: boolean;
  findings: Finding[];
}

export interface ScoreResult {
  /** Percent of the total weight earned, rounded to one decimal: 100 when every rule passed. */
  total: number;
  items: ScoredItem[];
}

/**
 * Scores a transcript: a pure function of the transcript, the rules and the scorecard, so a score recomputed later
 * (a review, an appeal) gives the same total. Weights are summed in integer hundredths to keep the sum exact.
 */
export function scoreTranscript(
  transcript: InspectedTranscript,
  scorecard: Scorecard,
  rules: ReadonlyMap<string, InspectionRule>,
): ScoreResult {
  const items = scorecard.items.map(({ ruleId, weight }) => {
    const rule = rules.get(ruleId);
    if (!rule) throw new Error(`scorecard ${scorecard.id} names rule ${ruleId}, which does not exist`);
    const findings = applyRule(rule.spec, transcript);
    return { ruleId, weight, passed: findings.length === 0, findings };
  });
  const hundredths = (weight: number) => Math.round(weight * 100);
  const possible = items.reduce((sum, item) => sum + hundredths(item.weight), 0);
  const earned = items.reduce((sum, item) => sum + (item.passed ? hundredths(item.weight) : 0), 0);
  return { total: possible === 0 ? 100 : Math.round((earned * 1000) / possible) / 10, items };
}
