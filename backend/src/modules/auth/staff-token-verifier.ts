import { Injectable } from '@nestjs/common';
import Keycloak from 'keycloak-connect';
import type { Role } from '../../common/access/role.ts';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuthenticationError } from './auth.errors.ts';
import { DEMO_REALM_PATH } from './demo-idp/demo-idp-paths.ts';
import { type StaffTokenContent, staffRolesOf } from './staff-claims.ts';

export interface VerifiedStaffToken {
  subject: string;
  username?: string;
  roles: Role[];
}

/**
 * The only code that touches keycloak-connect (Keycloak has deprecated this adapter; swapping it means replacing
 * this class). Validation is local: signature against the realm's JWKS (fetched and cached by the library), issuer,
 * audience = the API client, expiry and `typ: Bearer`. On top of the library Kefu insists on RS256 in the header and
 * on an `exp` claim, which keycloak-connect would otherwise let a token omit.
 */
@Injectable()
export class StaffTokenVerifier {
  private readonly keycloak: Keycloak.Keycloak;
  private readonly apiClient: string;

  constructor(config: KefuConfig) {
    const keycloak = config.identity.keycloak;
    this.apiClient = keycloak?.apiClient ?? 'kefu-api';
    // Without Keycloak, the built-in provider serves the same realm paths under the public URL.
    const serverUrl = keycloak?.url ?? config.identity.publicUrl;
    const realm = keycloak?.realm ?? DEMO_REALM_PATH.split('/').pop();
    this.keycloak = new Keycloak({}, {
      realm,
      'auth-server-url': serverUrl,
      resource: this.apiClient,
      'bearer-only': true,
      'verify-token-audience': true,
      'ssl-required': 'external',
      'confidential-port': 0,
      'min-time-between-jwks-requests': 10,
    } as unknown as Keycloak.KeycloakConfig);
  }

  async verify(rawToken: string): Promise<VerifiedStaffToken> {
    const header = decodeSegment(rawToken.split('.')[0]);
    if (header?.alg !== 'RS256') throw new AuthenticationError('authorization: the token must be signed with RS256');
    let content: StaffTokenContent & { exp?: unknown };
    try {
      const grant = await this.keycloak.grantManager.createGrant({ access_token: rawToken } as never);
      content = (grant.access_token as unknown as { content: StaffTokenContent & { exp?: unknown } }).content;
    } catch (error) {
      throw new AuthenticationError(`authorization: ${error instanceof Error ? error.message : 'invalid token'}`);
    }
    if (typeof content.exp !== 'number') throw new AuthenticationError('authorization: the token has no expiry');
    if (!content.sub) throw new AuthenticationError('authorization: the token names no subject');
    return { subject: content.sub, username: content.preferred_username, roles: staffRolesOf(content, this.apiClient) };
  }
}

function decodeSegment(segment: string | undefined): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
