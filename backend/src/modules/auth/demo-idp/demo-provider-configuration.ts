import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { KefuConfig } from '../../../common/config/kefu-config.ts';
import { INTERACTION_PATH } from './demo-idp-paths.ts';
import type { DemoIdpSecrets } from './demo-idp-secrets.ts';
import type { DemoUserDirectory } from './demo-user-directory.ts';
import { renderLoggedOutPage, renderLogoutPage } from './logout-page.ts';
import { refreshTokenLifetime } from './refresh-token-lifetime.ts';

export const CONSOLE_CLIENT_ID = 'kefu-console';

/**
 * oidc-provider settings that make the built-in provider look like a Keycloak realm to its clients: the same
 * endpoint paths, RS256 JWT access tokens with `typ: Bearer`, `aud` = the API client, `azp`,
 * `preferred_username` and `realm_access.roles`. keycloak-connect then validates them exactly as Keycloak's.
 */
export function demoProviderConfiguration(
  config: KefuConfig,
  secrets: DemoIdpSecrets,
  users: DemoUserDirectory,
): Configuration {
  const { publicUrl, session } = config.identity;
  const apiAudience = config.identity.keycloak?.apiClient ?? 'kefu-api';
  const apiResource = `${publicUrl}/api`;
  const rolesOf = (accountId: string | undefined) => (accountId ? (users.findById(accountId)?.roles ?? []) : []);
  return {
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${publicUrl}/console/callback`],
        post_logout_redirect_uris: [`${publicUrl}/console/`],
      },
    ],
    async findAccount(_ctx, id) {
      const user = users.findById(id);
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: async () => ({
          sub: user.id,
          preferred_username: user.username,
          name: user.username,
          realm_access: { roles: user.roles },
        }),
      };
    },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], roles: ['realm_access'] },
    scopes: ['openid', 'offline_access', 'profile', 'roles'],
    routes: {
      authorization: '/protocol/openid-connect/auth',
      token: '/protocol/openid-connect/token',
      jwks: '/protocol/openid-connect/certs',
      userinfo: '/protocol/openid-connect/userinfo',
      end_session: '/protocol/openid-connect/logout',
      revocation: '/protocol/openid-connect/revoke',
      introspection: '/protocol/openid-connect/token/introspect',
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'text/html; charset=utf-8';
          ctx.body = renderLogoutPage(form);
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = 'text/html; charset=utf-8';
          ctx.body = renderLoggedOutPage();
        },
      },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => apiResource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: 'openid profile roles',
          audience: apiAudience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 300,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    async extraTokenClaims(_ctx, token) {
      const accountId = (token as { accountId?: string }).accountId;
      const user = accountId ? users.findById(accountId) : undefined;
      return {
        typ: 'Bearer',
        azp: (token as { clientId?: string }).clientId,
        preferred_username: user?.username,
        realm_access: { roles: rolesOf(accountId) },
      };
    },
    pkce: { required: () => true },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 600,
      Grant: session.maxSeconds,
      Session: session.maxSeconds,
      RefreshToken: (_ctx: KoaContextWithOIDC, token: { iiat?: number }) =>
        refreshTokenLifetime(session, token.iiat, Math.floor(Date.now() / 1000)),
    },
    interactions: { url: async (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    // A first-party console: the staff member signs in but is not asked to consent.
    async loadExistingGrant(ctx) {
      const existingId = ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      if (existingId) return ctx.oidc.provider.Grant.find(existingId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client?.clientId,
        accountId: ctx.oidc.session?.accountId,
      });
      grant.addOIDCScope('openid profile roles');
      grant.addResourceScope(apiResource, 'openid profile roles');
      await grant.save();
      return grant;
    },
    jwks: { keys: [secrets.signingKey] },
    cookies: { keys: secrets.cookieKeys },
    renderError: async (ctx, out) => {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `${out.error}: ${out.error_description ?? ''}`;
    },
  } as Configuration;
}
