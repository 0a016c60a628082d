import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/index.ts';
import { RowsRejectedError, type RowViolation } from '../../common/errors/rows-rejected.error.ts';
import { ItemRepository } from './item.repository.ts';
import { KnowledgeDrafts, type ProposedChange } from './knowledge-drafts.service.ts';
import { headerViolations, type KnowledgeRow, parseRow } from './knowledge-table.ts';
import { readTable, type Table } from './spreadsheet-files.ts';
import type { SpreadsheetFormat } from './spreadsheet-format.ts';

export interface ImportCommand {
  actor: Actor;
  format: SpreadsheetFormat;
  file: Buffer;
  /** Submit the drafts for approval at once instead of leaving them as drafts. */
  submit: boolean;
}

/**
 * Bulk import from Excel or CSV: every row becomes a draft (nothing is published; an approver does that), all in one
 * transaction. Every bad row is reported with its row number, column and reason, and then nothing is stored.
 */
@Injectable()
export class KnowledgeImport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafts: KnowledgeDrafts,
    private readonly items: ItemRepository,
  ) {}

  async execute(command: ImportCommand): Promise<{ draftIds: string[] }> {
    const table = await readTable(command.format, command.file).catch(() => {
      throw new RowsRejectedError([
        { row: 1, column: '*', reason: `the file is not a readable ${command.format} file` },
      ]);
    });
    const { changes, violations } = await parseTable(table);
    const draftIds = await this.dataSource.transaction(async (manager) => {
      const all = [...violations, ...(await this.identityViolations(manager, changes))];
      if (all.length > 0) throw new RowsRejectedError(all.sort((a, b) => a.row - b.row));
      return this.drafts.createMany(
        manager,
        command.actor,
        changes.map(({ change }) => change),
        command.submit ? 'submitted' : 'draft',
      );
    });
    return { draftIds };
  }

  /** What only the database knows: an existing id keeps its kind and language; a deletion needs an existing item. */
  private async identityViolations(
    manager: EntityManager,
    changes: { row: number; change: ProposedChange }[],
  ): Promise<RowViolation[]> {
    const known = await this.items.identities(
      manager,
      changes.map(({ change }) => change.itemId),
    );
    return changes.flatMap(({ row, change }) => {
      const existing = known.get(change.itemId);
      if (!existing) {
        return change.action === 'delete'
          ? [{ row, column: 'id', reason: 'no item with this id exists to delete' }]
          : [];
      }
      if (
        change.identity &&
        (existing.kind !== change.identity.kind || existing.language !== change.identity.language)
      ) {
        return [
          {
            row,
            column: 'kind',
            reason: `${change.itemId} is a ${existing.language} ${existing.kind} item; kind and language cannot change`,
          },
        ];
      }
      return [];
    });
  }
}

const ROWS_PER_TURN = 200;

/**
 * Checks the header (throws when it is wrong: no row can be read) and every row on its own: the changes of the good
 * rows with their row numbers, and every violation of the bad ones.
 */
export async function parseTable(table: Table): Promise<{
  changes: { row: number; change: ProposedChange }[];
  violations: RowViolation[];
}> {
  const [header = [], ...rows] = table;
  const names = header.map((name) => name.trim().toLowerCase());
  const headerProblems = headerViolations(names);
  if (headerProblems.length > 0) throw new RowsRejectedError(headerProblems);
  const violations: RowViolation[] = [];
  const changes: { row: number; change: ProposedChange }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const [index, cells] of rows.entries()) {
    // Validating thousands of rows takes seconds: let the bot's turns through between batches.
    if (index % ROWS_PER_TURN === ROWS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    const rowNumber = index + 2;
    if (cells.every((cell) => cell.trim() === '')) continue;
    // PostgreSQL cannot store U+0000 in text.
    const withNul = cells.findIndex((cell) => cell.includes('\u0000'));
    if (withNul >= 0) {
      violations.push({ row: rowNumber, column: names[withNul] ?? '*', reason: 'must not contain the NUL character' });
      continue;
    }
    const record = Object.fromEntries(
      names.map((name, column) => [name, cells[column] ?? '']),
    ) as Partial<KnowledgeRow>;
    const parsed = parseRow(record, rowNumber);
    if (Array.isArray(parsed)) {
      violations.push(...parsed);
      continue;
    }
    const first = firstRowOf.get(parsed.itemId);
    if (first)
      violations.push({ row: rowNumber, column: 'id', reason: `${parsed.itemId} already appears in row ${first}` });
    else firstRowOf.set(parsed.itemId, rowNumber);
    changes.push({ row: rowNumber, change: parsed });
  }
  if (changes.length === 0 && violations.length === 0) {
    throw new RowsRejectedError([{ row: 2, column: '*', reason: 'the file has no rows' }]);
  }
  return { changes, violations };
}
