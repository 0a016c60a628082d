import { CreateAuditTrail1795755444730 } from './1795755444730-create-audit-trail.ts';

/** The audit module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const auditMigrations = [CreateAuditTrail1795755444730];
