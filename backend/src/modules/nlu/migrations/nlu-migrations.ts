import { CreateActiveModels1795771200000 } from './1795771200000-create-active-models.ts';
import { CreateActivationProposals1795793500000 } from './1795793500000-create-activation-proposals.ts';

/** The nlu module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const nluMigrations = [CreateActiveModels1795771200000, CreateActivationProposals1795793500000];
