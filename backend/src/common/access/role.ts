/** Staff roles, as they appear in the token's `realm_access.roles` (or the `kefu-api` client roles). */
export enum Role {
  Agent = 'agent',
  Supervisor = 'supervisor',
  KbEditor = 'kb-editor',
  KbApprover = 'kb-approver',
  Trainer = 'trainer',
  Auditor = 'auditor',
  SecurityAdmin = 'security-admin',
  SystemAdmin = 'system-admin',
}

export const allRoles: readonly Role[] = Object.values(Role);

/**
 * 三员分立 (等保 level 3, GB/T 22239-2019 8.1.4.2): the system, security and audit administrators are three different
 * people. A token holding two of these roles is refused outright.
 */
export const mutuallyExclusiveRoles: readonly Role[] = [Role.SystemAdmin, Role.SecurityAdmin, Role.Auditor];

export function isRole(value: string): value is Role {
  return (allRoles as readonly string[]).includes(value);
}
