import { Injectable } from '@nestjs/common';
import type { KnowledgeItem } from './knowledge-item.ts';
import { itemToRow, knowledgeColumns } from './knowledge-table.ts';
import { ReleaseRepository } from './release.repository.ts';
import { writeTable } from './spreadsheet-files.ts';
import type { SpreadsheetFormat } from './spreadsheet-format.ts';

/** Example rows of the downloadable template: what each column holds, in the form an import accepts. */
const templateItems: KnowledgeItem[] = [
  {
    id: 'zh-card-lost-debit',
    kind: 'faq',
    language: 'zh',
    content: {
      question: '借记卡丢了怎么挂失？',
      similar: ['储蓄卡丢了咋办', '工资卡丢了能电话挂失吗'],
      answers: {
        default: { text: '请拨打客服热线或在手机银行App“银行卡管理-挂失”中办理临时挂失。', links: [] },
        web: {
          text: '点击下方链接立即挂失。',
          links: [{ title: '在线挂失', url: 'https://www.example-bank.cn/lost-card' }],
        },
      },
      category: '银行卡/挂失',
      tags: ['借记卡', '挂失'],
    },
  },
  {
    id: 'en-transfer-money',
    kind: 'intent',
    language: 'en',
    content: {
      question: 'I want to transfer money',
      similar: ['send money to my friend', 'make a transfer'],
      answers: {},
      category: 'transfers',
      tags: [],
      effectiveFrom: '2026-01-01T00:00:00+08:00',
    },
  },
];

/** The knowledge base as a spreadsheet: the current release for export, and the template for import. */
@Injectable()
export class KnowledgeSpreadsheets {
  constructor(private readonly releases: ReleaseRepository) {}

  template(format: SpreadsheetFormat): Promise<Buffer> {
    return this.write(format, templateItems);
  }

  async export(format: SpreadsheetFormat): Promise<Buffer> {
    return this.write(format, (await this.releases.current())?.snapshot ?? []);
  }

  private write(format: SpreadsheetFormat, items: readonly KnowledgeItem[]): Promise<Buffer> {
    const rows = items.map((item) => knowledgeColumns.map((column) => itemToRow(item)[column]));
    return writeTable(format, [[...knowledgeColumns], ...rows]);
  }
}
