import { isRole, type Role } from '../../common/access/role.ts';

/** The parts of a Keycloak access token Kefu relies on. */
export interface StaffTokenContent {
  sub?: string;
  preferred_username?: string;
  realm_access?: { roles?: unknown };
  resource_access?: Record<string, { roles?: unknown } | undefined>;
}

/** Realm roles plus the API client's roles, keeping only roles Kefu knows (others may exist in the realm). */
export function staffRolesOf(content: StaffTokenContent, apiClient: string): Role[] {
  const listed = [content.realm_access?.roles, content.resource_access?.[apiClient]?.roles].flatMap((roles) =>
    Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [],
  );
  return [...new Set(listed.filter(isRole))];
}
