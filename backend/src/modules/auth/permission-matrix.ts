import { allRoles } from '../../common/access/role.ts';
import { rolePermissions } from '../../common/access/role-permissions.ts';
import { DEMO_REALM_PATH, INTERACTION_PATH } from './demo-idp/demo-idp-paths.ts';
import type { CatalogedRoute } from './route-catalog.ts';

/** docs/permissions.md, rendered from the route catalog and the role map: regenerated, never edited by hand. */
export function renderPermissionMatrix(routes: CatalogedRoute[]): string {
  const header = ['method', 'path', 'access', ...allRoles];
  const rows = routes.map((route) => {
    const allowed = (role: (typeof allRoles)[number]) => {
      switch (route.access.kind) {
        case 'public':
          return '✓';
        case 'permission':
          return rolePermissions[role].includes(route.access.permission) ? '✓' : '';
        case 'visitor':
        case 'undecided':
          return '';
      }
    };
    const access =
      route.access.kind === 'permission'
        ? `\`${route.access.permission}\``
        : route.access.kind === 'visitor'
          ? 'visitor token'
          : route.access.kind;
    return [route.method, `\`${route.path}\``, access, ...allRoles.map(allowed)];
  });
  const table = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  return `# Route permissions

Generated from the code by \`npm run docs:permissions\`; a test fails when this file and the code disagree. For
security reviewers and administrators: who may call what. ✓ = the role may call the route. Routes require a staff
token whose roles grant the named permission, a visitor token (bank customers in the widget), or nothing (public).
Everything else is refused: a route with no decision fails closed, and a token holding two of \`system-admin\`,
\`security-admin\` and \`auditor\` is refused everywhere (separation of duties, 三员分立).

${table}

Also public, served outside the route table: the built-in identity provider (evaluation only) under
\`${DEMO_REALM_PATH}/…\` and \`${INTERACTION_PATH}/…\`, and the OpenAPI description under \`/api/docs\`.

## Permissions by role

${allRoles.map((role) => `- \`${role}\`: ${rolePermissions[role].map((p) => `\`${p}\``).join(', ')}`).join('\n')}
`;
}
