/**
 * Who may do what: roles, permissions, the one map between them, and the decorators routes declare. Every module's
 * controllers use this vocabulary, so it lives below the modules; the auth module enforces it.
 */
export {
  PUBLIC_ROUTE,
  Public,
  REQUIRED_PERMISSION,
  RequirePermission,
  VISITOR_ROUTE,
  VisitorRoute,
} from './access.decorators.ts';
export type { Actor } from './actor.ts';
export { CurrentActor } from './current-actor.decorator.ts';
export { Permission } from './permission.ts';
export { allRoles, isRole, mutuallyExclusiveRoles, Role } from './role.ts';
export { permissionsOf, rolePermissions, rolesGranting } from './role-permissions.ts';
