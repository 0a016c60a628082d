export { KnowledgeModule } from './knowledge.module.ts';
export { KnowledgeBase } from './knowledge-base.service.ts';
export type { AnswerLink, KnowledgeKind, KnowledgeLanguage } from './knowledge-item.ts';
export { knowledgeMigrations } from './migrations/knowledge-migrations.ts';
export type { EntryChannel, PublishedEntry } from './published-entry.ts';
export { writeTable } from './spreadsheet-files.ts';
export { type SpreadsheetFormat, spreadsheetMediaTypes } from './spreadsheet-format.ts';
