import { Permission } from './permission.ts';
import { Role } from './role.ts';

/**
 * The one permission map. Separation of duties shows here: the auditor only reads, exports and verifies the audit
 * trail; the system administrator has no audit permission at all; the security administrator manages roles and keys
 * but no content.
 */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Agent]: [Permission.SessionRead, Permission.ConversationsHandle, Permission.TicketsHandle],
  [Role.Supervisor]: [
    Permission.SessionRead,
    Permission.ConversationsHandle,
    Permission.ConversationsSupervise,
    Permission.PersonalDataReveal,
    Permission.RoutingManage,
    Permission.CannedRepliesManage,
    Permission.TicketsHandle,
    Permission.TicketsConfigure,
    Permission.QualityConfigure,
    Permission.QualityReview,
    Permission.AnalyticsRead,
    Permission.AnalyticsExport,
  ],
  [Role.KbEditor]: [
    Permission.SessionRead,
    Permission.KnowledgeEdit,
    Permission.KnowledgeRead,
    Permission.BotUnansweredRead,
  ],
  [Role.KbApprover]: [Permission.SessionRead, Permission.KnowledgeApprove, Permission.KnowledgeRead],
  [Role.Trainer]: [
    Permission.SessionRead,
    Permission.ModelsTrain,
    Permission.ModelsActivate,
    Permission.BotFlowsEdit,
    Permission.BotUnansweredRead,
  ],
  [Role.Auditor]: [Permission.SessionRead, Permission.AuditRead, Permission.AuditExport, Permission.AuditVerify],
  [Role.SecurityAdmin]: [
    Permission.SessionRead,
    Permission.RolesManage,
    Permission.KeysManage,
    Permission.AuditArchive,
  ],
  [Role.SystemAdmin]: [
    Permission.SessionRead,
    Permission.SystemConfigure,
    Permission.RoutingManage,
    Permission.TicketsConfigure,
  ],
};

export function rolesGranting(permission: Permission): Role[] {
  return (Object.keys(rolePermissions) as Role[]).filter((role) => rolePermissions[role].includes(permission));
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => rolePermissions[role]));
}
