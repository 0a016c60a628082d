import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { Role } from '../src/common/access/index.ts';
import { importColumns, importCsv, importRow } from './fixtures/knowledge-import-sheet.ts';
import { writeTinyKnowledgeBase } from './fixtures/tiny-knowledge-base.ts';
import { staffToken } from './harness/staff-token.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('knowledge import and export', () => {
  let kbDir: string;
  let kefu: TestApp;
  let db: pg.Client;
  let editor: string;

  beforeAll(async () => {
    kbDir = await mkdtemp(join(tmpdir(), 'kefu-kb-import-'));
    await writeTinyKnowledgeBase(kbDir);
    kefu = await startTestApp({ env: { KEFU_KNOWLEDGE_SEED: 'true', KEFU_KNOWLEDGE_SEED_DIR: kbDir } });
    db = new pg.Client({ connectionString: kefu.databaseUrl });
    await db.connect();
    editor = await staffToken(kefu, [Role.KbEditor]);
  });
  afterAll(async () => {
    await db.end();
    await kefu.close();
    await rm(kbDir, { recursive: true, force: true });
  });

  const upload = (body: Buffer | string, contentType: string, query = '') =>
    fetch(`${kefu.baseUrl}/api/v1/knowledge/import${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor}`, 'content-type': contentType },
      body,
    });
  const download = (file: string) =>
    fetch(`${kefu.baseUrl}/api/v1/knowledge/${file}`, { headers: { authorization: `Bearer ${editor}` } });
  const draftCount = async () => Number((await db.query('SELECT count(*) AS n FROM knowledge_drafts')).rows[0].n);

  it('offers a template in Excel and CSV whose header is the import format', async () => {
    const xlsx = await download('template.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('kefu-knowledge-template.xlsx');
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const headerRow = workbook.worksheets[0]?.getRow(1).values as string[] | undefined;
    expect(headerRow?.slice(1)).toEqual(importColumns);
    const template = await download('template.csv');
    const text = await template.text();
    expect(parse(text, { bom: true })[0]).toEqual(importColumns);
    // The template's own example rows import as they are.
    const imported = await upload(bytes, XLSX);
    expect(imported.status).toBe(201);
  });

  it('imports a 5,000-row Excel workbook as drafts in one go', async () => {
    const before = await draftCount();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('kb');
    sheet.addRow(importColumns);
    for (let n = 1; n <= 5000; n += 1) {
      sheet.addRow(
        importRow({
          id: `zh-import-${String(n).padStart(5, '0')}`,
          kind: 'faq',
          language: 'zh',
          question: `第${n}个导入的问题是什么？`,
          similar: `第${n}个问题的另一种问法\n第${n}个问题怎么办`,
          answer: `这是第${n}个问题的答案。`,
          answer_links: n % 2 === 0 ? `办理指南 | https://bank.example/guide/${n}` : '',
          category: '导入/测试',
          tags: '导入\n测试',
        }),
      );
    }
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(file.length).toBeGreaterThan((1024 * 1024) / 4);
    const response = await upload(file, XLSX, '?submit=true');
    expect(response.status).toBe(201);
    const { draftIds } = (await response.json()) as { draftIds: string[] };
    expect(draftIds).toHaveLength(5000);
    expect(await draftCount()).toBe(before + 5000);
    const { rows } = await db.query(
      "SELECT content FROM knowledge_drafts WHERE item_id = 'zh-import-00042' AND state = 'submitted'",
    );
    expect(rows[0].content).toMatchObject({
      similar: ['第42个问题的另一种问法', '第42个问题怎么办'],
      answers: {
        default: {
          text: '这是第42个问题的答案。',
          links: [{ title: '办理指南', url: 'https://bank.example/guide/42' }],
        },
      },
      tags: ['导入', '测试'],
    });
  });

  it('rejects a file with bad rows as a whole, naming each row, column and reason', async () => {
    const before = await draftCount();
    const good = {
      id: 'zh-import-good',
      kind: 'faq',
      language: 'zh',
      question: '好问题',
      similar: '好说法',
      answer: '好答案',
      category: '测试',
    };
    const response = await upload(
      importCsv([
        importColumns,
        importRow(good),
        importRow({ ...good, id: 'zh-import-no-question', question: '' }),
        importRow({ ...good, id: 'zh-import-bad-link', answer_links: '点我 | javascript:alert(1)' }),
        importRow(good),
        importRow({ ...good, id: 'zh-import-bad-kind', kind: 'poem' }),
        importRow({ ...good, id: 'zh-card-lost-debit', language: 'en' }),
      ]),
      'text/csv',
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: string; rows: { row: number; column: string; reason: string }[] };
    expect(body.error).toBe('import_rejected');
    expect(body.rows).toEqual([
      expect.objectContaining({ row: 3, column: 'question' }),
      expect.objectContaining({ row: 4, column: 'answer_links', reason: expect.stringContaining('URL') }),
      expect.objectContaining({ row: 5, column: 'id', reason: expect.stringContaining('row 2') }),
      expect.objectContaining({ row: 6, column: 'kind' }),
      expect.objectContaining({ row: 7, column: 'kind', reason: expect.stringContaining('cannot change') }),
    ]);
    expect(await draftCount()).toBe(before);
  });

  it('refuses a header it does not know and a body that is not a spreadsheet', async () => {
    const response = await upload(
      importCsv([
        [...importColumns.slice(0, 3), 'answr'],
        ['a', 'b', 'c', 'd'],
      ]),
      'text/csv',
    );
    expect(response.status).toBe(422);
    expect(((await response.json()) as { rows: { column: string }[] }).rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: 'question', reason: 'required column is missing' }),
        expect.objectContaining({ row: 1, column: 'answr', reason: 'unknown column' }),
      ]),
    );
    const json = await upload(JSON.stringify({ id: 'x' }), 'application/json');
    expect(json.status).toBe(415);
  });

  it('exports the current release in a form that imports again', async () => {
    const exported = await download('export.csv');
    expect(exported.status).toBe(200);
    const text = await exported.text();
    const records = parse(text, { bom: true }) as string[][];
    expect(records[0]).toEqual(importColumns);
    expect(records.map((record) => record[0])).toContain('zh-card-lost-debit');
    const reimported = await upload(text, 'text/csv');
    expect(reimported.status).toBe(201);
    expect(((await reimported.json()) as { draftIds: string[] }).draftIds).toHaveLength(records.length - 1);
    const xlsx = await download('export.xlsx');
    expect(xlsx.status).toBe(200);
    expect((await upload(Buffer.from(await xlsx.arrayBuffer()), XLSX)).status).toBe(201);
  });
});
