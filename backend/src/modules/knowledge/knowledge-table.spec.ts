import { parseTable } from './knowledge-import.use-case.ts';
import type { KnowledgeItem } from './knowledge-item.ts';
import { itemToRow, type KnowledgeRow, knowledgeColumns, parseRow } from './knowledge-table.ts';

const good: Partial<KnowledgeRow> = {
  id: 'zh-card-lost-debit',
  kind: 'faq',
  language: 'zh',
  question: '借记卡丢了怎么挂失？',
  similar: '储蓄卡丢了咋办\n工资卡丢了能电话挂失吗\n',
  answer: '请拨打客服热线挂失。',
  answer_links: '挂失指南 | https://bank.example/lost',
  category: '银行卡/挂失',
  tags: '借记卡\n挂失',
};

describe('a knowledge spreadsheet row', () => {
  it('becomes a proposed change with lists split by line and links by the last bar', () => {
    expect(parseRow(good, 2)).toEqual({
      itemId: 'zh-card-lost-debit',
      action: 'upsert',
      identity: { kind: 'faq', language: 'zh' },
      content: {
        question: '借记卡丢了怎么挂失？',
        similar: ['储蓄卡丢了咋办', '工资卡丢了能电话挂失吗'],
        answers: {
          default: { text: '请拨打客服热线挂失。', links: [{ title: '挂失指南', url: 'https://bank.example/lost' }] },
        },
        category: '银行卡/挂失',
        tags: ['借记卡', '挂失'],
      },
    });
  });

  it('round-trips through the export form', () => {
    const item: KnowledgeItem = {
      id: 'en-transfer',
      kind: 'intent',
      language: 'en',
      content: {
        question: 'I want to transfer money',
        similar: ['send money'],
        answers: { web: { text: 'Use the app.', links: [] } },
        category: 'transfers',
        tags: [],
        effectiveFrom: '2026-01-01T00:00:00.000Z',
        heldOut: ['move some cash to my mum'],
      },
    };
    expect(parseRow(itemToRow(item), 2)).toEqual({
      itemId: item.id,
      action: 'upsert',
      identity: { kind: 'intent', language: 'en' },
      content: item.content,
    });
  });

  it('names the column and reason of each problem', () => {
    const problems = parseRow(
      {
        ...good,
        id: 'Not A Slug',
        kind: 'poem',
        question: '',
        similar: '',
        answer: '<b>bold</b>',
        answer_links: 'no separator here\nclick | ftp://files.example/x',
        expires_at: 'tomorrow',
      },
      7,
    );
    expect(Array.isArray(problems)).toBe(true);
    const columns = (problems as { row: number; column: string }[]).map((p) => `${p.row}:${p.column}`);
    expect(columns).toEqual(
      expect.arrayContaining([
        '7:id',
        '7:kind',
        '7:question',
        '7:similar',
        '7:answer',
        '7:answer_links',
        '7:expires_at',
      ]),
    );
  });

  it('requires a default answer for FAQ and chit-chat but not for intents', () => {
    expect(parseRow({ ...good, answer: '', answer_links: '' }, 3)).toEqual([
      expect.objectContaining({ row: 3, column: 'answer', reason: expect.stringContaining('required for faq') }),
    ]);
    expect(parseRow({ ...good, kind: 'intent', answer: '', answer_links: '' }, 3)).toMatchObject({ action: 'upsert' });
  });

  it('proposes a deletion from an id alone', () => {
    expect(parseRow({ id: 'zh-old-item', action: 'delete' }, 4)).toEqual({ itemId: 'zh-old-item', action: 'delete' });
  });
});

describe('a knowledge spreadsheet', () => {
  const header = [...knowledgeColumns];
  const cells = (row: Partial<KnowledgeRow>) => header.map((column) => row[column] ?? '');

  it('reports a repeated id with the row that had it first, and skips empty rows', async () => {
    const { changes, violations } = await parseTable([header, cells(good), cells({}), cells(good)]);
    expect(changes.map((change) => change.row)).toEqual([2, 4]);
    expect(violations).toEqual([{ row: 4, column: 'id', reason: 'zh-card-lost-debit already appears in row 2' }]);
  });

  it('refuses a file without rows or without the required columns', async () => {
    await expect(parseTable([header])).rejects.toThrow(/no rows/);
    await expect(parseTable([['id', 'question']])).rejects.toThrow(/required column is missing/);
  });
});
