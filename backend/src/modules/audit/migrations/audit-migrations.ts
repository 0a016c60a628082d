import { CreateAuditTrail1795755444730 } from './1795755444730-create-audit-trail.ts';
import { AddAuditIntake1795770000000 } from './1795770000000-add-audit-intake.ts';
import { AddAuditSealedForm1795790000000 } from './1795790000000-add-audit-sealed-form.ts';
import { AddAuditUnsealedIndex1795795000000 } from './1795795000000-add-audit-unsealed-index.ts';

/** The audit module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const auditMigrations = [
  CreateAuditTrail1795755444730,
  AddAuditIntake1795770000000,
  AddAuditSealedForm1795790000000,
  AddAuditUnsealedIndex1795795000000,
];
