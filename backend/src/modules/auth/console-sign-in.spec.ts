import { KefuConfig } from '../../common/config/kefu-config.ts';
import { loadConfig } from '../../common/config/load-config.ts';
import { consoleSignIn } from './console-sign-in.ts';

describe('where the staff console signs in', () => {
  it('is the built-in provider under the public URL when no Keycloak is configured', () => {
    const config = new KefuConfig(loadConfig({ KEFU_PUBLIC_URL: 'https://kefu.bank.example/' }));
    expect(consoleSignIn(config)).toEqual({
      issuer: 'https://kefu.bank.example/realms/kefu',
      clientId: 'kefu-console',
      scope: 'openid profile roles',
    });
  });

  it("is the Keycloak realm's issuer when Keycloak is configured", () => {
    const config = new KefuConfig(
      loadConfig({ KEFU_KEYCLOAK_URL: 'https://sso.bank.example/', KEFU_KEYCLOAK_REALM: 'staff' }),
    );
    expect(consoleSignIn(config).issuer).toBe('https://sso.bank.example/realms/staff');
  });
});
