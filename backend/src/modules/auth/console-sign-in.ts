import type { KefuConfig } from '../../common/config/kefu-config.ts';
import { DEMO_REALM_PATH } from './demo-idp/demo-idp-paths.ts';
import { CONSOLE_CLIENT_ID } from './demo-idp/demo-provider-configuration.ts';

/** What the staff console needs to sign in: where the OpenID provider is, which public client it is, what to ask. */
export interface ConsoleSignIn {
  /** The realm's issuer; the console reads the endpoints from `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  scope: string;
}

/** Keycloak's realm when configured, else the built-in provider, which serves the same realm paths under Kefu. */
export function consoleSignIn(config: KefuConfig): ConsoleSignIn {
  const keycloak = config.identity.keycloak;
  const issuer = keycloak
    ? `${keycloak.url}/realms/${encodeURIComponent(keycloak.realm)}`
    : `${config.identity.publicUrl}${DEMO_REALM_PATH}`;
  return { issuer, clientId: CONSOLE_CLIENT_ID, scope: 'openid profile roles' };
}
