import type { LabeledText } from './labeled-text.ts';

/** A knowledge-base question with its paraphrases; the FAQ matcher treats each id as one class. */
export interface FaqItem {
  id: string;
  question: string;
  similar: string[];
}

export function faqExamples(items: FaqItem[]): LabeledText[] {
  return items.flatMap((item) => [item.question, ...item.similar].map((text) => ({ text, label: item.id })));
}
