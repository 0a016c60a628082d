export { detectLanguage, type Language } from './language.ts';
export { nluMigrations } from './migrations/nlu-migrations.ts';
export { ModelActivation } from './model-activation.service.ts';
export { ModelRegistry, type ModelStatus } from './model-registry.ts';
export { NluModule } from './nlu.module.ts';
export { NluService, type Understanding } from './nlu.service.ts';
