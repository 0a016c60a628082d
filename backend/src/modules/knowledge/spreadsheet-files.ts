import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { SpreadsheetFormat } from './spreadsheet-format.ts';

/** A table as rows of cell texts; row 0 is the header. Row numbers shown to people are index + 1, as Excel counts. */
export type Table = string[][];

export async function readTable(format: SpreadsheetFormat, bytes: Buffer): Promise<Table> {
  return format === 'csv' ? readCsv(bytes) : readXlsx(bytes);
}

export async function writeTable(format: SpreadsheetFormat, table: Table, sheetName = 'knowledge'): Promise<Buffer> {
  // A UTF-8 byte-order mark, so that Excel on Chinese Windows opens the CSV as UTF-8 rather than GBK.
  if (format === 'csv') return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(table))]);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function readCsv(bytes: Buffer): Table {
  return parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true }) as Table;
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: Table = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value, cell.text);
    });
    table[number - 1] = Array.from(cells, (text) => text ?? '');
  });
  return Array.from(table, (row) => row ?? []);
}

/** Dates typed into Excel arrive as Date values; everything else as the text Excel shows. */
function cellText(value: ExcelJS.CellValue, text: string): string {
  return value instanceof Date ? value.toISOString() : (text ?? '');
}
