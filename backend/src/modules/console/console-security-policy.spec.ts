import { consoleSecurityPolicy } from './console-security-policy.ts';

describe('the console page Content-Security-Policy', () => {
  it('lets the console call only Kefu and the identity provider, and admits styles only with the nonce', () => {
    const policy = consoleSecurityPolicy('abc123', 'https://sso.bank.example:8443/realms/kefu');
    expect(policy).toContain("connect-src 'self' https://sso.bank.example:8443;");
    expect(policy).toContain("style-src 'self' 'nonce-abc123';");
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/unsafe-|\*/);
  });
});
