import { startTestApp, type TestApp } from './harness/test-app.ts';

/** How the app serves the built console: caching, compression, the CSP and its nonce, deep links, sign-in settings. */
describe('the staff console as the app serves it', () => {
  let kefu: TestApp;

  beforeAll(async () => {
    kefu = await startTestApp();
  });
  afterAll(() => kefu?.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${kefu.baseUrl}${path}`, { headers });

  it('serves the page uncached, with a strict policy whose nonce is new on every response', async () => {
    const [first, second] = await Promise.all([get('/console/'), get('/console/')]);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const policy = first.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(await first.text()).toContain(`<meta name="csp-nonce" content="${nonce}">`);
    expect(second.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
  });

  it('answers deep links with the same page, so the console routes them in the browser', async () => {
    for (const path of ['/console', '/console/knowledge', '/console/callback?code=x&state=y']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root"></div>');
    }
  });

  it('caches the content-hashed files for a year and sends them gzipped to browsers that accept it', async () => {
    const page = await (await get('/console/')).text();
    const entry = /<script type="module" src="([^"]+)"/.exec(page)?.[1] ?? '';
    const gzipped = await get(entry, { 'accept-encoding': 'gzip' });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const plain = await get(entry, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await gzipped.text()).toBe(await plain.text());
    expect((await get('/console/assets/missing-00000000.js')).status).toBe(404);
  });

  it('tells the console where to sign in: the issuer whose discovery names the endpoints', async () => {
    const settings = (await (await get('/console/config.json')).json()) as { issuer: string };
    expect(settings).toEqual({
      issuer: `${kefu.baseUrl}/realms/kefu`,
      clientId: 'kefu-console',
      scope: 'openid profile roles',
    });
    const discovery = await (await fetch(`${settings.issuer}/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({
      issuer: settings.issuer,
      authorization_endpoint: `${settings.issuer}/protocol/openid-connect/auth`,
      code_challenge_methods_supported: ['S256'],
    });
  });
});
