import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KnowledgeItem, KnowledgeKind, KnowledgeLanguage } from './knowledge-item.ts';
import { knowledgeLanguages } from './knowledge-item.ts';

/** One line of the starter knowledge base (`models/data/demo-kb/<lang>/{faq,chitchat}.jsonl`). */
interface SeedLine {
  id: string;
  category: string;
  question: string;
  similar: string[];
  answer: string;
  tags?: string[];
}

/** One line of `<lang>/held-out.jsonl`: a question never trained on, labelled with an item id or `oos`. */
export interface HeldOutQuestion {
  text: string;
  label: string;
}

const seedFiles: readonly { file: string; kind: KnowledgeKind }[] = [
  { file: 'faq.jsonl', kind: 'faq' },
  { file: 'chitchat.jsonl', kind: 'chitchat' },
];

/** The starter knowledge base as release items; the same files the default models were trained on. */
export async function readSeedItems(seedDir: string): Promise<KnowledgeItem[]> {
  const items: KnowledgeItem[] = [];
  for (const language of knowledgeLanguages) {
    for (const { file, kind } of seedFiles) {
      for (const line of await readJsonLines<SeedLine>(join(seedDir, language, file))) {
        items.push({
          id: line.id,
          kind,
          language,
          content: {
            question: line.question,
            similar: line.similar,
            answers: { default: { text: line.answer, links: [] } },
            category: line.category,
            tags: line.tags ?? [],
          },
        });
      }
    }
  }
  return items;
}

export function readHeldOut(seedDir: string, language: KnowledgeLanguage): Promise<HeldOutQuestion[]> {
  return readJsonLines<HeldOutQuestion>(join(seedDir, language, 'held-out.jsonl'));
}

async function readJsonLines<T>(file: string): Promise<T[]> {
  if (!existsSync(file)) return [];
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
