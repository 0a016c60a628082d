import { OUT_OF_SCOPE_LABEL } from '../training/labeled-text.ts';

export interface ClassificationReport {
  /** Exact match over all examples, `oos` counting as a label. */
  accuracy: number;
  /** Macro F1 over the true labels (including `oos` when present). */
  macro_f1: number;
  /** Share of in-scope examples answered with the right intent (not rejected). */
  in_scope_accuracy: number;
  /** Share of out-of-scope examples rejected; undefined when the data has none. */
  oos_recall?: number;
}

/** Scores predictions against true labels; a rejected prediction is the label `oos`. */
export function classificationReport(actual: string[], predicted: string[]): ClassificationReport {
  const labels = [...new Set(actual)];
  let correct = 0;
  let inScope = 0;
  let inScopeCorrect = 0;
  let oos = 0;
  let oosCorrect = 0;
  const tp = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const actualCount = new Map<string, number>();
  actual.forEach((label, i) => {
    const guess = predicted[i];
    const hit = guess === label;
    if (hit) {
      correct++;
      tp.set(label, (tp.get(label) ?? 0) + 1);
    }
    predictedCount.set(guess, (predictedCount.get(guess) ?? 0) + 1);
    actualCount.set(label, (actualCount.get(label) ?? 0) + 1);
    if (label === OUT_OF_SCOPE_LABEL) {
      oos++;
      if (hit) oosCorrect++;
    } else {
      inScope++;
      if (hit) inScopeCorrect++;
    }
  });
  let f1Sum = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const precision = t / Math.max(predictedCount.get(label) ?? 0, 1);
    const recall = t / Math.max(actualCount.get(label) ?? 0, 1);
    f1Sum += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return {
    accuracy: ratio(correct, actual.length),
    macro_f1: ratio(f1Sum, labels.length),
    in_scope_accuracy: ratio(inScopeCorrect, inScope),
    ...(oos > 0 ? { oos_recall: ratio(oosCorrect, oos) } : {}),
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : Math.round((a / b) * 1e4) / 1e4;
}
