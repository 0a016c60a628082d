import { CreateActiveModels1795771200000 } from './1795771200000-create-active-models.ts';

/** The nlu module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const nluMigrations = [CreateActiveModels1795771200000];
