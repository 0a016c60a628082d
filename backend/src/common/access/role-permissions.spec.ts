import { Permission } from './permission.ts';
import { allRoles, mutuallyExclusiveRoles, Role } from './role.ts';
import { permissionsOf, rolePermissions, rolesGranting } from './role-permissions.ts';

/** Permissions that change nothing: reading, exporting a copy, checking integrity. */
const readOnly = new Set([
  Permission.SessionRead,
  Permission.AuditRead,
  Permission.AuditExport,
  Permission.AuditVerify,
]);

describe('the permission map', () => {
  it('gives every role a place in the map', () => {
    expect(Object.keys(rolePermissions).sort()).toEqual([...allRoles].sort());
  });

  it('lets the auditor read, export and verify the audit trail and change nothing', () => {
    expect([...permissionsOf([Role.Auditor])].every((permission) => readOnly.has(permission))).toBe(true);
    expect(rolesGranting(Permission.AuditRead)).toEqual([Role.Auditor]);
  });

  it('keeps the system administrator away from the audit trail', () => {
    expect([...permissionsOf([Role.SystemAdmin])].filter((permission) => permission.startsWith('audit.'))).toEqual([]);
  });

  it('lets the security administrator manage roles and keys but no content', () => {
    const granted = permissionsOf([Role.SecurityAdmin]);
    expect(granted.has(Permission.RolesManage) && granted.has(Permission.KeysManage)).toBe(true);
    for (const content of [Permission.KnowledgeEdit, Permission.KnowledgeApprove, Permission.ConversationsHandle]) {
      expect(granted.has(content)).toBe(false);
    }
  });

  it('declares the three administrator roles mutually exclusive', () => {
    expect([...mutuallyExclusiveRoles].sort()).toEqual([Role.Auditor, Role.SecurityAdmin, Role.SystemAdmin].sort());
  });

  it('grants every permission to at least one role, and knowledge approval to someone other than editors', () => {
    for (const permission of Object.values(Permission)) expect(rolesGranting(permission).length).toBeGreaterThan(0);
    expect(rolesGranting(Permission.KnowledgeApprove)).not.toContain(Role.KbEditor);
  });
});
