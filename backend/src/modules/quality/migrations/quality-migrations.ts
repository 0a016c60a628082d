import { CreateQualityTables1795791000000 } from './1795791000000-create-quality-tables.ts';

/** The quality module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const qualityMigrations = [CreateQualityTables1795791000000];
