import type { MigrationList } from './common/database/data-source-options.ts';
import { analyticsMigrations } from './modules/analytics/index.ts';
import { auditMigrations } from './modules/audit/index.ts';
import { botMigrations } from './modules/bot/index.ts';
import { conversationsMigrations } from './modules/conversations/index.ts';
import { cryptoMigrations } from './modules/crypto/index.ts';
import { jobsMigrations } from './modules/jobs/index.ts';
import { knowledgeMigrations } from './modules/knowledge/index.ts';
import { nluMigrations } from './modules/nlu/index.ts';
import { privacyMigrations } from './modules/privacy/index.ts';
import { qualityMigrations } from './modules/quality/index.ts';
import { routingMigrations } from './modules/routing/index.ts';
import { ticketsMigrations } from './modules/tickets/index.ts';

/**
 * Every module's migrations, in the order they apply. Each module keeps its own under `modules/<name>/migrations/`
 * and adds them here; the list is the single source for the app, `kefu migrate` and the Helm hook job.
 */
export const migrations: MigrationList = [
  ...auditMigrations,
  ...cryptoMigrations,
  ...privacyMigrations,
  ...jobsMigrations,
  ...nluMigrations,
  ...knowledgeMigrations,
  ...conversationsMigrations,
  ...botMigrations,
  ...ticketsMigrations,
  ...routingMigrations,
  ...qualityMigrations,
  ...analyticsMigrations,
];
