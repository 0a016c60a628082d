import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import type { RowViolation } from '../../common/errors/rows-rejected.error.ts';
import { contentRuleViolations } from './content-rules.ts';
import { KnowledgeContentDto } from './dto/knowledge-content.dto.ts';
import type { ProposedChange } from './knowledge-drafts.service.ts';
import {
  type AnswerChannel,
  type AnswerLink,
  answerChannels,
  ITEM_ID_PATTERN,
  type KnowledgeContent,
  type KnowledgeItem,
  type KnowledgeKind,
  type KnowledgeLanguage,
  knowledgeKinds,
  knowledgeLanguages,
} from './knowledge-item.ts';

/**
 * The spreadsheet form of the knowledge base (import, export, template): one row per item, lists one entry per line
 * inside a cell (Alt+Enter in Excel), links as `title | url`. The same validation as the API applies to every row.
 */
export const knowledgeColumns = [
  'id',
  'kind',
  'language',
  'action',
  'question',
  'similar',
  'answer',
  'answer_links',
  'answer_web',
  'answer_web_links',
  'answer_api',
  'answer_api_links',
  'category',
  'tags',
  'effective_from',
  'expires_at',
  'held_out',
] as const;

export type KnowledgeColumn = (typeof knowledgeColumns)[number];
export type KnowledgeRow = Record<KnowledgeColumn, string>;

const answerColumn = (channel: AnswerChannel) =>
  (channel === 'default' ? 'answer' : `answer_${channel}`) as KnowledgeColumn;
const linksColumn = (channel: AnswerChannel) => `${answerColumn(channel)}_links` as KnowledgeColumn;

export function itemToRow(item: KnowledgeItem): KnowledgeRow {
  const { content } = item;
  const row = Object.fromEntries(knowledgeColumns.map((column) => [column, ''])) as KnowledgeRow;
  Object.assign(row, {
    id: item.id,
    kind: item.kind,
    language: item.language,
    action: 'upsert',
    question: content.question,
    similar: content.similar.join('\n'),
    category: content.category,
    tags: content.tags.join('\n'),
    effective_from: content.effectiveFrom ?? '',
    expires_at: content.expiresAt ?? '',
    held_out: (content.heldOut ?? []).join('\n'),
  });
  for (const channel of answerChannels) {
    const answer = content.answers[channel];
    row[answerColumn(channel)] = answer?.text ?? '';
    row[linksColumn(channel)] = (answer?.links ?? []).map((link) => `${link.title} | ${link.url}`).join('\n');
  }
  return row;
}

/** Header problems: a missing column or one the format does not know. */
export function headerViolations(header: readonly string[]): RowViolation[] {
  const known = new Set<string>(knowledgeColumns);
  const present = new Set(header);
  return [
    ...knowledgeColumns
      .filter((column) => !present.has(column) && column !== 'action' && column !== 'held_out')
      .map((column) => ({ row: 1, column, reason: 'required column is missing' })),
    ...header
      .filter((name) => name !== '' && !known.has(name))
      .map((column) => ({ row: 1, column, reason: 'unknown column' })),
  ];
}

/** One row checked on its own: the change it proposes, or every reason it is wrong. */
export function parseRow(row: Partial<KnowledgeRow>, rowNumber: number): ProposedChange | RowViolation[] {
  const cell = (column: KnowledgeColumn) => (row[column] ?? '').trim();
  const violations: RowViolation[] = [];
  const bad = (column: string, reason: string) => violations.push({ row: rowNumber, column, reason });
  const id = cell('id');
  if (!ITEM_ID_PATTERN.test(id)) bad('id', 'must be a lower-case slug of 2 to 100 letters, digits and dashes');
  const action = cell('action') || 'upsert';
  if (action === 'delete') return violations.length > 0 ? violations : { itemId: id, action: 'delete' };
  if (action !== 'upsert') bad('action', 'must be upsert, delete or empty');
  const kind = cell('kind') as KnowledgeKind;
  if (!knowledgeKinds.includes(kind)) bad('kind', `must be one of ${knowledgeKinds.join(', ')}`);
  const language = cell('language') as KnowledgeLanguage;
  if (!knowledgeLanguages.includes(language)) bad('language', `must be one of ${knowledgeLanguages.join(', ')}`);
  const content = contentOf(cell, bad);
  const dto = plainToInstance(KnowledgeContentDto, content);
  for (const error of flatten(validateSync(dto, { forbidUnknownValues: true }))) bad(error.column, error.reason);
  if (violations.length === 0) {
    for (const violation of contentRuleViolations(kind, content)) bad(columnOf(violation.field), violation.message);
  }
  return violations.length > 0 ? violations : { itemId: id, action: 'upsert', identity: { kind, language }, content };
}

function contentOf(
  cell: (column: KnowledgeColumn) => string,
  bad: (column: string, reason: string) => void,
): KnowledgeContent {
  const answers: KnowledgeContent['answers'] = {};
  for (const channel of answerChannels) {
    const text = cell(answerColumn(channel));
    const links = parseLinks(lines(cell(linksColumn(channel))), (reason) => bad(linksColumn(channel), reason));
    if (text) answers[channel] = { text, links };
    else if (links.length > 0) bad(linksColumn(channel), `links need an answer in ${answerColumn(channel)}`);
  }
  const heldOut = lines(cell('held_out'));
  return {
    question: cell('question'),
    similar: lines(cell('similar')),
    answers,
    category: cell('category'),
    tags: lines(cell('tags')),
    ...(cell('effective_from') ? { effectiveFrom: cell('effective_from') } : {}),
    ...(cell('expires_at') ? { expiresAt: cell('expires_at') } : {}),
    ...(heldOut.length > 0 ? { heldOut } : {}),
  };
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function parseLinks(entries: string[], bad: (reason: string) => void): AnswerLink[] {
  return entries.flatMap((entry) => {
    const separator = entry.lastIndexOf('|');
    if (separator < 0) {
      bad(`"${entry}" must be written as title | url`);
      return [];
    }
    return [{ title: entry.slice(0, separator).trim(), url: entry.slice(separator + 1).trim() }];
  });
}

/** Turns class-validator's nested errors into a column and a reason an editor can act on. */
function flatten(errors: ValidationError[], parent = ''): { column: string; reason: string }[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ column: columnOf(path), reason: message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** `answers.web.links.0.url` → `answer_web_links`; `effectiveFrom` → `effective_from`. */
function columnOf(field: string): string {
  const answer = /^answers\.(default|web|api)(\.(text|links))?/.exec(field);
  if (answer)
    return answer[3] === 'links' ? linksColumn(answer[1] as AnswerChannel) : answerColumn(answer[1] as AnswerChannel);
  const top = field.split(/[.[]/)[0] as string;
  return top.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
