export { detectLanguage, type Language } from './language.ts';
export { nluMigrations } from './migrations/nlu-migrations.ts';
export { ModelActivation } from './model-activation.service.ts';
export { ModelRegistry } from './model-registry.ts';
export type { ModelStatus } from './model-status.ts';
export { NluModule } from './nlu.module.ts';
export { NluService, type Understanding } from './nlu.service.ts';
