export { AnalyticsModule } from './analytics.module.ts';
export { analyticsMigrations } from './migrations/analytics-migrations.ts';
