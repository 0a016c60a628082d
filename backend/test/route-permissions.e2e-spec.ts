import { readFile, writeFile } from 'node:fs/promises';
import { allRoles, type Role, rolePermissions } from '../src/common/access/index.ts';
import { type CatalogedRoute, RouteCatalog, renderPermissionMatrix } from '../src/modules/auth/index.ts';
import { staffToken } from './harness/staff-token.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const matrixFile = new URL('../../docs/permissions.md', import.meta.url);

/**
 * Walks EVERY registered route: without a token it is refused (unless public), with each role outside the matrix
 * it is forbidden, with each role inside it is neither. `KEFU_UPDATE_DOCS=1` (npm run docs:permissions) rewrites
 * docs/permissions.md from the code.
 */
describe('the route-permission matrix', () => {
  let kefu: TestApp;
  let routes: CatalogedRoute[];
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    kefu = await startTestApp();
    routes = kefu.app.get(RouteCatalog).routes();
    for (const role of allRoles) tokens.set(role, await staffToken(kefu, [role]));
  });
  afterAll(() => kefu.close());

  const call = (route: CatalogedRoute, token?: string) => {
    // A JSON content type with an empty body is refused by the body parser before any guard runs, so it goes only
    // with a body.
    const body = ['GET', 'HEAD', 'DELETE'].includes(route.method) ? undefined : '{}';
    return fetch(`${kefu.baseUrl}${route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000')}`, {
      method: route.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body,
    });
  };

  it('has an access decision for every route', () => {
    expect(routes.filter((route) => route.access.kind === 'undecided').map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(routes.length).toBeGreaterThan(3);
  });

  it('matches docs/permissions.md', async () => {
    const rendered = renderPermissionMatrix(routes);
    if (process.env.KEFU_UPDATE_DOCS === '1') await writeFile(matrixFile, rendered);
    expect(await readFile(matrixFile, 'utf8')).toBe(rendered);
  });

  it('enforces the matrix on every route for every role', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      if (route.access.kind === 'public') continue;
      const anonymous = await call(route);
      if (anonymous.status !== 401) mismatches.push(`${name} without a token: ${anonymous.status}`);
      if (route.access.kind !== 'permission') continue;
      const { permission } = route.access;
      for (const role of allRoles) {
        const status = (await call(route, tokens.get(role))).status;
        const allowed = rolePermissions[role].includes(permission);
        if (allowed && (status === 401 || status === 403))
          mismatches.push(`${name} as ${role}: ${status}, expected allowed`);
        if (!allowed && status !== 403) mismatches.push(`${name} as ${role}: ${status}, expected 403`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
