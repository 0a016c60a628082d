import type { ChannelAnswer, KnowledgeContent, KnowledgeKind, KnowledgeLanguage } from '../../api/knowledge-types.ts';

/** The draft form's fields: lists as one entry per line, dates as the browser's local date-time inputs. */
export interface DraftFormValues {
  itemId: string;
  kind: KnowledgeKind;
  language: KnowledgeLanguage;
  question: string;
  similar: string;
  answer?: string;
  answerWeb?: string;
  answerApi?: string;
  category: string;
  tags: string[];
  effectiveFrom?: string;
  expiresAt?: string;
}

export function formValuesOf(content: Partial<KnowledgeContent>): Partial<DraftFormValues> {
  return {
    question: content.question,
    similar: content.similar?.join('\n'),
    answer: content.answers?.default?.text,
    answerWeb: content.answers?.web?.text,
    answerApi: content.answers?.api?.text,
    category: content.category,
    tags: content.tags ?? [],
    effectiveFrom: localDateTime(content.effectiveFrom),
    expiresAt: localDateTime(content.expiresAt),
  };
}

/**
 * The content the API takes. What the form does not edit (answer links, held-out questions) is kept from `previous`,
 * so revising a draft never silently drops it.
 */
export function contentOf(values: DraftFormValues, previous?: KnowledgeContent | null): KnowledgeContent {
  const answer = (text: string | undefined, before: ChannelAnswer | undefined) =>
    text?.trim() ? { text: text.trim(), links: before?.links ?? [] } : undefined;
  const answers = {
    default: answer(values.answer, previous?.answers.default),
    web: answer(values.answerWeb, previous?.answers.web),
    api: answer(values.answerApi, previous?.answers.api),
  };
  return {
    question: values.question.trim(),
    similar: lines(values.similar),
    answers: Object.fromEntries(Object.entries(answers).filter(([, value]) => value)),
    category: values.category.trim(),
    tags: values.tags ?? [],
    ...(values.effectiveFrom ? { effectiveFrom: new Date(values.effectiveFrom).toISOString() } : {}),
    ...(values.expiresAt ? { expiresAt: new Date(values.expiresAt).toISOString() } : {}),
    ...(previous?.heldOut ? { heldOut: previous.heldOut } : {}),
  };
}

function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** An ISO instant as `<input type="datetime-local">` shows it, in the browser's time zone. */
function localDateTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
