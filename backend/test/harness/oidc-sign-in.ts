import { createHash, randomBytes } from 'node:crypto';

export interface TokenSet {
  /** The browser's cookies at the provider after signing in (its session), for signing out again. */
  cookies: string;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  token_type: string;
}

const CLIENT_ID = 'kefu-console';

/** A browser's cookie store, reduced to what one sign-in needs. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  constructor(serialized = '') {
    for (const pair of serialized.split('; ').filter(Boolean)) {
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  take(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs in through the authorization-code flow with PKCE exactly as the console does in a browser: authorize,
 * fill in the provider's sign-in form, follow the redirects, exchange the code. Fails loudly at the step that breaks.
 */
export async function signInWithAuthorizationCode(
  baseUrl: string,
  username: string,
  password: string,
): Promise<TokenSet> {
  const jar = new CookieJar();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = `${baseUrl}/console/callback`;
  const state = randomBytes(8).toString('hex');
  const authorize = new URL(`${baseUrl}/realms/kefu/protocol/openid-connect/auth`);
  authorize.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    scope: 'openid profile roles',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  }).toString();

  let location = await redirectFrom(await step(authorize.toString(), jar), 'authorize');
  const form = await step(new URL(location, baseUrl).toString(), jar);
  if (form.status !== 200) throw new Error(`sign-in form: HTTP ${form.status}`);
  const login = await step(new URL(location, baseUrl).toString(), jar, new URLSearchParams({ username, password }));
  location = await redirectFrom(login, 'sign-in');
  while (!location.startsWith(redirectUri)) {
    location = await redirectFrom(await step(new URL(location, baseUrl).toString(), jar), 'resume');
  }
  const callback = new URL(location);
  if (callback.searchParams.get('state') !== state) throw new Error('callback: state does not match');
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`callback: no code (${callback.search})`);

  const tokens = await fetch(`${baseUrl}/realms/kefu/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: CLIENT_ID,
      code_verifier: verifier,
    }),
  });
  if (tokens.status !== 200) throw new Error(`token exchange: HTTP ${tokens.status} ${await tokens.text()}`);
  return { ...((await tokens.json()) as Omit<TokenSet, 'cookies'>), cookies: jar.header() };
}

/** RP-initiated sign-out as the console does it: the provider's confirmation form, confirmed. */
export async function signOut(baseUrl: string, tokens: TokenSet): Promise<Response> {
  const jar = new CookieJar(tokens.cookies);
  const logout = new URL(`${baseUrl}/realms/kefu/protocol/openid-connect/logout`);
  logout.search = new URLSearchParams({
    id_token_hint: tokens.id_token ?? '',
    post_logout_redirect_uri: `${baseUrl}/console/`,
    client_id: CLIENT_ID,
  }).toString();
  const confirmation = await step(logout.toString(), jar);
  const page = await confirmation.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !xsrf) throw new Error(`sign-out: no confirmation form (HTTP ${confirmation.status})`);
  return step(new URL(action, baseUrl).toString(), jar, new URLSearchParams({ xsrf, logout: 'yes' }));
}

export async function refresh(baseUrl: string, refreshToken: string): Promise<Response> {
  return fetch(`${baseUrl}/realms/kefu/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: CLIENT_ID }),
  });
}

async function step(url: string, jar: CookieJar, form?: URLSearchParams): Promise<Response> {
  const response = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      cookie: jar.header(),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form,
  });
  jar.take(response);
  return response;
}

async function redirectFrom(response: Response, stepName: string): Promise<string> {
  const location = response.headers.get('location');
  if (response.status < 300 || response.status >= 400 || !location) {
    throw new Error(`${stepName}: expected a redirect, got HTTP ${response.status} ${await response.text()}`);
  }
  return location;
}
