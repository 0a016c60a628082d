import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/common/access/index.ts';
import { DemoIdentityProvider } from '../../src/modules/auth/index.ts';
import { signInWithAuthorizationCode } from './oidc-sign-in.ts';
import type { TestApp } from './test-app.ts';

/**
 * A real access token for a member of staff holding exactly `roles`: the account is created in the built-in
 * identity provider and signed in through the authorization-code flow, so the token is signed by the provider and
 * validated by keycloak-connect like any other. Pass `username` for a second person with the same roles (maker-checker).
 */
export async function staffToken(
  kefu: TestApp,
  roles: Role[],
  username = `staff-${roles.join('+') || 'none'}`,
): Promise<string> {
  const password = randomBytes(12).toString('base64url');
  await kefu.app.get(DemoIdentityProvider).directory.upsert(username, roles, password);
  return (await signInWithAuthorizationCode(kefu.baseUrl, username, password)).access_token;
}
