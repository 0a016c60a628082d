import type { LabeledText } from './labeled-text.ts';

/** A pair of questions; label 1 = same meaning. */
export interface LabeledPair {
  a: string;
  b: string;
  label: number;
}

/**
 * Turns same-meaning pairs into classes for the intent trainer: questions joined by a positive pair (directly or
 * through others) form one class, like the paraphrases of one FAQ item.
 */
export function pairClasses(pairs: LabeledPair[]): LabeledText[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
  }
  for (const { a, b, label } of pairs) {
    if (Number(label) === 1) {
      // The smaller text becomes the root, so class names do not depend on the order of the pairs.
      const [root, child] = [find(a), find(b)].sort();
      if (root !== child) parent.set(child, root);
    }
  }
  return [...parent.keys()].sort().map((text) => ({ text, label: `q:${find(text)}` }));
}
