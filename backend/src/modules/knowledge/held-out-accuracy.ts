import type { IntentPrediction } from '@kefu/models';
import type { HeldOutQuestion } from './seed-knowledge-files.ts';

/** The label of held-out questions the bot should not answer. */
export const OUT_OF_SCOPE = 'oos';

/**
 * Share of held-out questions a model gets right as the bot would act on them: an in-scope question must get its item
 * and not be rejected as out of scope; an out-of-scope one must be rejected. NaN when there is nothing to score.
 */
export function heldOutAccuracy(
  questions: readonly HeldOutQuestion[],
  predictions: readonly IntentPrediction[],
): number {
  let correct = 0;
  questions.forEach((question, i) => {
    const prediction = predictions[i] as IntentPrediction;
    const answered = prediction.oos ? OUT_OF_SCOPE : prediction.intent;
    if (answered === question.label) correct += 1;
  });
  return questions.length === 0 ? Number.NaN : correct / questions.length;
}

/** Held-out questions for a release: the starter set's lines whose item still exists, plus the items' own. */
export function heldOutFor(
  starter: readonly HeldOutQuestion[],
  items: readonly { id: string; content: { heldOut?: string[] } }[],
): HeldOutQuestion[] {
  const labels = new Set(items.map((item) => item.id));
  return [
    ...starter.filter((question) => question.label === OUT_OF_SCOPE || labels.has(question.label)),
    ...items.flatMap((item) => (item.content.heldOut ?? []).map((text) => ({ text, label: item.id }))),
  ];
}
