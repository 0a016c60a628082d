import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { Role } from '../src/common/access/index.ts';
import { auditEvents } from './harness/audit-events.ts';
import { refresh, signInWithAuthorizationCode, signOut } from './harness/oidc-sign-in.ts';
import { staffToken } from './harness/staff-token.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const me = (kefu: TestApp, token?: string) =>
  fetch(`${kefu.baseUrl}/api/v1/me`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8'));
}

function encodePart(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('staff identity through the built-in OpenID provider and keycloak-connect', () => {
  let kefu: TestApp;
  let agentToken: string;
  let providerKey: JWK;

  beforeAll(async () => {
    kefu = await startTestApp();
    agentToken = await staffToken(kefu, [Role.Agent]);
    providerKey = JSON.parse(await readFile(join(kefu.identityDir, 'secrets.json'), 'utf8')).signingKey;
  });
  afterAll(() => kefu.close());

  /** Signs claims with the provider's own key, so only the claim under test is wrong. */
  async function signedByProvider(overrides: Record<string, unknown>): Promise<string> {
    const claims = { ...decodePart(agentToken, 1), ...overrides };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: providerKey.kid, typ: 'at+jwt' })
      .sign(await importJWK(providerKey, 'RS256'));
  }

  it('signs in through the authorization-code flow and calls the API with the token it got', async () => {
    const { directory } = kefu.app.get((await import('../src/modules/auth/index.ts')).DemoIdentityProvider);
    await directory.upsert('li.wei', [Role.KbEditor], 'correct horse battery');
    const tokens = await signInWithAuthorizationCode(kefu.baseUrl, 'li.wei', 'correct horse battery');
    expect(tokens.refresh_token).toBeDefined();
    const claims = decodePart(tokens.access_token, 1);
    expect(claims).toMatchObject({
      iss: `${kefu.baseUrl}/realms/kefu`,
      aud: 'kefu-api',
      azp: 'kefu-console',
      typ: 'Bearer',
      preferred_username: 'li.wei',
      realm_access: { roles: ['kb-editor'] },
    });
    const signIns = await auditEvents(kefu, { action: 'auth.sign-in', actorId: String(claims.sub) });
    expect(signIns).toEqual([expect.objectContaining({ outcome: 'success', actorRoles: ['kb-editor'] })]);
    const response = await me(kefu, tokens.access_token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: claims.sub,
      username: 'li.wei',
      roles: ['kb-editor'],
      permissions: ['session.read', 'knowledge.edit', 'knowledge.read', 'bot.unanswered.read'],
    });
  });

  async function signInFresh(username: string) {
    const { directory } = kefu.app.get((await import('../src/modules/auth/index.ts')).DemoIdentityProvider);
    await directory.upsert(username, [Role.Agent], 'another correct horse');
    return signInWithAuthorizationCode(kefu.baseUrl, username, 'another correct horse');
  }

  it('rotates the refresh token on every use and revokes the sign-in when an old one is replayed', async () => {
    const tokens = await signInFresh('wang.fang');
    const refreshed = await refresh(kefu.baseUrl, tokens.refresh_token ?? '');
    expect(refreshed.status).toBe(200);
    const rotated = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    expect((await me(kefu, rotated.access_token)).status).toBe(200);
    expect((await refresh(kefu.baseUrl, tokens.refresh_token ?? '')).status).toBe(400);
    expect((await refresh(kefu.baseUrl, rotated.refresh_token)).status).toBe(400);
  });

  it('ends the session at the provider on sign-out, so its refresh token stops working', async () => {
    const tokens = await signInFresh('zhao.lei');
    const beforeSignOut = await refresh(kefu.baseUrl, tokens.refresh_token ?? '');
    expect(beforeSignOut.status).toBe(200);
    const { refresh_token: current } = (await beforeSignOut.json()) as { refresh_token: string };
    const signedOut = await signOut(kefu.baseUrl, tokens);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe(`${kefu.baseUrl}/console/`);
    expect((await refresh(kefu.baseUrl, current)).status).toBe(400);
    const subject = String(decodePart(tokens.access_token, 1).sub);
    expect(await auditEvents(kefu, { action: 'auth.sign-out', actorId: subject })).toHaveLength(1);
  });

  it('answers the sign-in form with 401 on a wrong password, issues nothing and audits the failure', async () => {
    await expect(signInWithAuthorizationCode(kefu.baseUrl, 'agent', 'not-the-password')).rejects.toThrow(
      /sign-in: expected a redirect, got HTTP 401/,
    );
    const failures = await auditEvents(kefu, { action: 'auth.sign-in', outcome: 'failure' });
    expect(failures.length).toBeGreaterThan(0);
    // The attempted username is kept only as a keyed hash.
    expect(JSON.stringify(failures)).not.toContain('"agent"');
  });

  it('publishes discovery and keys at the paths of a Keycloak realm', async () => {
    const discovery = (await (
      await fetch(`${kefu.baseUrl}/realms/kefu/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(discovery.issuer).toBe(`${kefu.baseUrl}/realms/kefu`);
    expect(discovery.token_endpoint).toBe(`${kefu.baseUrl}/realms/kefu/protocol/openid-connect/token`);
    expect(discovery.jwks_uri).toBe(`${kefu.baseUrl}/realms/kefu/protocol/openid-connect/certs`);
  });

  it('refuses a request without a token with 401', async () => {
    const response = await me(kefu);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="kefu"');
    expect(await response.json()).toMatchObject({
      error: 'unauthenticated',
      message: 'authorization: a Bearer token is required',
    });
  });

  it('accepts the genuine token', async () => {
    expect((await me(kefu, agentToken)).status).toBe(200);
  });

  it('refuses a token with alg=none', async () => {
    const [, payload] = agentToken.split('.');
    const unsigned = `${encodePart({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    expect((await me(kefu, unsigned)).status).toBe(401);
  });

  it('refuses a token whose role claim was edited after signing', async () => {
    const [header, , signature] = agentToken.split('.');
    const edited = encodePart({ ...decodePart(agentToken, 1), realm_access: { roles: ['agent', 'auditor'] } });
    expect((await me(kefu, `${header}.${edited}.${signature}`)).status).toBe(401);
  });

  it('refuses a token signed by another key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodePart(agentToken, 1))
      .setProtectedHeader({ alg: 'RS256', kid: providerKey.kid })
      .sign(privateKey);
    expect((await me(kefu, forged)).status).toBe(401);
  });

  it('refuses a token from another issuer', async () => {
    const response = await me(kefu, await signedByProvider({ iss: 'http://127.0.0.1:1/realms/kefu' }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('wrong ISS') });
  });

  it('refuses a token for another audience', async () => {
    const response = await me(kefu, await signedByProvider({ aud: 'some-other-service' }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('wrong audience') });
  });

  it('refuses an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    const response = await me(kefu, await signedByProvider({ exp: past, iat: past - 300 }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('expired') });
  });

  it('refuses a token without an expiry', async () => {
    expect((await me(kefu, await signedByProvider({ exp: undefined }))).status).toBe(401);
  });

  it('refuses, with a clear 403, a token holding two of the mutually exclusive administrator roles', async () => {
    const token = await staffToken(kefu, [Role.Auditor, Role.SystemAdmin]);
    const response = await me(kefu, token);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: 'forbidden',
      message: expect.stringContaining(
        'roles auditor and system-admin must not be held together (separation of duties)',
      ),
    });
  });
});

describe('visitor tokens for bank customers', () => {
  let kefu: TestApp;
  let portal: Server;
  let portalKey: CryptoKeyLike;
  const portalIssuer = 'https://portal.bank.example';

  type CryptoKeyLike = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    portalKey = pair.privateKey;
    const jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'portal-1', alg: 'ES256', use: 'sig' }] };
    portal = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    const address = portal.address() as { port: number };
    kefu = await startTestApp({
      env: {
        KEFU_VISITOR_ASSERTION_JWKS_URL: `http://127.0.0.1:${address.port}/jwks`,
        KEFU_VISITOR_ASSERTION_ISSUER: portalIssuer,
      },
    });
  });
  afterAll(async () => {
    await kefu.close();
    await new Promise((resolve) => portal.close(resolve));
  });

  const requestToken = (body: object) =>
    fetch(`${kefu.baseUrl}/api/v1/visitor-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const assertion = (claims: { iss?: string; aud?: string; sub?: string }) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'portal-1' })
      .setIssuer(claims.iss ?? portalIssuer)
      .setAudience(claims.aud ?? kefu.baseUrl)
      .setSubject(claims.sub ?? 'cust-0042')
      .setIssuedAt()
      .setExpirationTime('2m')
      .sign(portalKey);

  it('gives an anonymous visitor a short-lived token that staff routes refuse', async () => {
    const response = await requestToken({});
    expect(response.status).toBe(201);
    const issued = (await response.json()) as { token: string; visitorId: string; verified: boolean };
    expect(issued.visitorId).toMatch(/^anonymous:/);
    expect(issued.verified).toBe(false);
    expect((await me(kefu, issued.token)).status).toBe(401);
  });

  it("vouches for a customer asserted by the bank's portal", async () => {
    const response = await requestToken({ assertion: await assertion({}) });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ visitorId: 'customer:cust-0042', verified: true });
  });

  it('refuses an assertion from another issuer or for another audience', async () => {
    expect((await requestToken({ assertion: await assertion({ iss: 'https://evil.example' }) })).status).toBe(401);
    expect((await requestToken({ assertion: await assertion({ aud: 'https://other.example' }) })).status).toBe(401);
  });

  it('names the field when the assertion is not a JWT', async () => {
    const response = await requestToken({ assertion: 'not a token' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      violations: [expect.objectContaining({ field: 'assertion', rule: 'isJwt' })],
    });
  });
});
