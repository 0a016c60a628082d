import { ConfigError } from './config-error.ts';
import { KefuConfig } from './kefu-config.ts';
import { loadConfig } from './load-config.ts';

describe('loadConfig', () => {
  it('fills every default when nothing is set', () => {
    const config = loadConfig({});
    expect(config.KEFU_HTTP_PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.KEFU_MIGRATE_ON_START).toBe(true);
  });

  it('names the variable, the rule and the value of a bad setting', () => {
    expect(() => loadConfig({ KEFU_HTTP_PORT: 'abc' })).toThrow(
      new ConfigError('Invalid configuration: KEFU_HTTP_PORT must be a number (got "abc")'),
    );
    expect(() => loadConfig({ KEFU_HTTP_PORT: '70000' })).toThrow(/KEFU_HTTP_PORT must be between 0 and 65535/);
    expect(() => loadConfig({ KEFU_MIGRATE_ON_START: 'yes' })).toThrow(/KEFU_MIGRATE_ON_START must be true or false/);
  });

  it('never echoes a sensitive value', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:secret@db/kefu' })).toThrow(
      new ConfigError('Invalid configuration: DATABASE_URL must be a postgres:// URL'),
    );
  });

  it('refuses the embedded database in production unless it is allowed explicitly', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required when NODE_ENV=production/);
    const allowed = loadConfig({ NODE_ENV: 'production', KEFU_ALLOW_EMBEDDED_DB: 'true', KEFU_DEMO_IDP: 'true' });
    expect(allowed.KEFU_ALLOW_EMBEDDED_DB).toBe(true);
  });

  it('refuses the built-in identity provider in production unless it is allowed explicitly', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://kefu@db/kefu' };
    expect(() => loadConfig(production)).toThrow(/KEFU_KEYCLOAK_URL is required when NODE_ENV=production/);
    expect(loadConfig({ ...production, KEFU_KEYCLOAK_URL: 'https://sso.bank.example' }).KEFU_KEYCLOAK_URL).toBe(
      'https://sso.bank.example',
    );
    expect(loadConfig({ ...production, KEFU_DEMO_IDP: 'true' }).KEFU_DEMO_IDP).toBe(true);
  });

  it('lets a silent agent keep their conversations for the presence timeout at least, by default exactly that long', () => {
    expect(() =>
      loadConfig({ KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS: '300', KEFU_ROUTING_CONVERSATION_GRACE_SECONDS: '120' }),
    ).toThrow(/KEFU_ROUTING_CONVERSATION_GRACE_SECONDS must not be below KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS/);
    const routing = (env: Record<string, string>) => new KefuConfig(loadConfig(env)).routing;
    expect(routing({ KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS: '300' }).conversationGraceSeconds).toBe(300);
    expect(routing({ KEFU_ROUTING_CONVERSATION_GRACE_SECONDS: '600' }).conversationGraceSeconds).toBe(600);
  });

  it('follows the HTTP port with the public address unless one is set', () => {
    const publicUrl = (env: Record<string, string>) => new KefuConfig(loadConfig(env)).identity.publicUrl;
    expect(publicUrl({})).toBe('http://localhost:3000');
    expect(publicUrl({ KEFU_HTTP_PORT: '3900' })).toBe('http://localhost:3900');
    expect(publicUrl({ KEFU_HTTP_PORT: '3900', KEFU_PUBLIC_URL: 'https://kefu.bank.example/' })).toBe(
      'https://kefu.bank.example',
    );
  });

  it('requires the portal issuer when a portal vouches for customers', () => {
    expect(() => loadConfig({ KEFU_VISITOR_ASSERTION_JWKS_URL: 'https://portal.bank.example/jwks' })).toThrow(
      /KEFU_VISITOR_ASSERTION_ISSUER is required when KEFU_VISITOR_ASSERTION_JWKS_URL is set/,
    );
  });
});
