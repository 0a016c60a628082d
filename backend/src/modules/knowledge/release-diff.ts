import type { KnowledgeItem, KnowledgeLanguage } from './knowledge-item.ts';

export interface FieldChange {
  /** `question`, `similar`, `answers.web`, `category`, … */
  field: string;
  before: unknown;
  after: unknown;
}

export interface ReleaseDiff {
  added: string[];
  removed: string[];
  changed: { id: string; changes: FieldChange[] }[];
}

/** Fields the NLU model learns from: a change to one of them means the language's model must be retrained. */
const trainingFields = new Set(['kind', 'question', 'similar']);

/** What a release changes against the one before it, item by item and field by field. */
export function diffSnapshots(before: readonly KnowledgeItem[], after: readonly KnowledgeItem[]): ReleaseDiff {
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Map(after.map((item) => [item.id, item]));
  const diff: ReleaseDiff = { added: [], removed: [], changed: [] };
  for (const id of [...next.keys()].sort()) {
    const previous = old.get(id);
    if (!previous) diff.added.push(id);
    else {
      const changes = fieldChanges(previous, next.get(id) as KnowledgeItem);
      if (changes.length > 0) diff.changed.push({ id, changes });
    }
  }
  diff.removed = [...old.keys()].filter((id) => !next.has(id)).sort();
  return diff;
}

/** Languages whose training data a diff touches. */
export function languagesToRetrain(
  diff: ReleaseDiff,
  before: readonly KnowledgeItem[],
  after: readonly KnowledgeItem[],
): KnowledgeLanguage[] {
  const languageOf = new Map([...before, ...after].map((item) => [item.id, item.language]));
  const touched = [
    ...diff.added,
    ...diff.removed,
    ...diff.changed.filter(({ changes }) => changes.some((c) => trainingFields.has(c.field))).map(({ id }) => id),
  ];
  return [...new Set(touched.map((id) => languageOf.get(id) as KnowledgeLanguage))].sort();
}

function fieldChanges(before: KnowledgeItem, after: KnowledgeItem): FieldChange[] {
  const flatBefore = flatten(before);
  const flatAfter = flatten(after);
  const fields = [...new Set([...flatBefore.keys(), ...flatAfter.keys()])].sort();
  return fields.flatMap((field) => {
    const was = flatBefore.get(field);
    const is = flatAfter.get(field);
    return JSON.stringify(was) === JSON.stringify(is) ? [] : [{ field, before: was ?? null, after: is ?? null }];
  });
}

/** One entry per field an editor thinks of: answers per channel, everything else by its content name. */
function flatten(item: KnowledgeItem): Map<string, unknown> {
  const { answers, ...rest } = item.content;
  const fields = new Map<string, unknown>([
    ['kind', item.kind],
    ['language', item.language],
  ]);
  for (const [name, value] of Object.entries(rest)) if (value !== undefined) fields.set(name, value);
  for (const [channel, answer] of Object.entries(answers)) if (answer) fields.set(`answers.${channel}`, answer);
  return fields;
}
