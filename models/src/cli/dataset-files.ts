import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaqItem } from '../training/faq-item.ts';
import type { LabeledText } from '../training/labeled-text.ts';
import type { LabeledPair } from '../training/pair-classes.ts';

/** Checks one parsed line and returns it in canonical form; throws a message naming the offending field. */
export type RecordParser<T> = (row: unknown) => T;

/**
 * Reads a JSON Lines file (a byte-order mark, as some Windows editors write, is skipped); a malformed line or a
 * record `parse` refuses is reported with its number.
 */
export async function readJsonLines<T>(path: string, parse: RecordParser<T>): Promise<T[]> {
  const lines = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split('\n');
  const rows: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${i + 1}: not valid JSON`);
    }
    try {
      rows.push(parse(row));
    } catch (error) {
      throw new Error(`${path}:${i + 1}: ${(error as Error).message}`);
    }
  });
  return rows;
}

/** Reads DIR/name.jsonl when it exists. */
export async function readSplit<T>(dir: string, name: string, parse: RecordParser<T>): Promise<T[] | undefined> {
  const path = join(dir, `${name}.jsonl`);
  return existsSync(path) ? readJsonLines(path, parse) : undefined;
}

/**
 * `{"text","label"}`. A numeric label is taken as its decimal string: public data sets often number their classes,
 * and 3 and "3" must be one intent.
 */
export const labeledText: RecordParser<LabeledText> = (row) => {
  const record = objectOf(row);
  return { text: textField(record, 'text'), label: labelField(record, 'label') };
};

/** `{"a","b","label"}`, label 1 (or "1", true) for the same meaning, 0 (or "0", false) otherwise. */
export const labeledPair: RecordParser<LabeledPair> = (row) => {
  const record = objectOf(row);
  const label = record.label;
  const same = label === 1 || label === '1' || label === true;
  if (!same && label !== 0 && label !== '0' && label !== false) throw new Error('"label" must be 1 (same) or 0');
  return { a: textField(record, 'a'), b: textField(record, 'b'), label: same ? 1 : 0 };
};

/** `{"id","question","similar":[…]}`; `similar` may be absent (a question without paraphrases). */
export const faqItem: RecordParser<FaqItem> = (row) => {
  const record = objectOf(row);
  const similar = record.similar ?? [];
  if (!Array.isArray(similar) || !similar.every((s) => typeof s === 'string')) {
    throw new Error('"similar" must be a list of strings');
  }
  return { id: labelField(record, 'id'), question: textField(record, 'question'), similar };
};

function objectOf(row: unknown): Record<string, unknown> {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new Error('expected a JSON object');
  return row as Record<string, unknown>;
}

function textField(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (typeof value !== 'string') throw new Error(`"${field}" must be a string`);
  return value;
}

function labelField(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '')
    throw new Error(`"${field}" must be a non-empty string or a number`);
  return value;
}
