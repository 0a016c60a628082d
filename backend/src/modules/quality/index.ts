export { qualityMigrations } from './migrations/quality-migrations.ts';
export { QualityModule } from './quality.module.ts';
export { QualityInspector } from './quality-inspector.service.ts';
