import { readFileSync } from 'node:fs';
import { allRoles, mutuallyExclusiveRoles } from '../../common/access/role.ts';

interface RealmExport {
  realm: string;
  accessTokenLifespan: number;
  ssoSessionIdleTimeout: number;
  ssoSessionMaxLifespan: number;
  bruteForceProtected: boolean;
  roles: { realm: { name: string; composites?: { realm?: string[] } }[] };
  clients: {
    clientId: string;
    publicClient?: boolean;
    bearerOnly?: boolean;
    directAccessGrantsEnabled?: boolean;
    implicitFlowEnabled?: boolean;
    attributes?: Record<string, string>;
    protocolMappers?: { protocolMapper: string; config: Record<string, string> }[];
  }[];
  browserFlow: string;
  authenticationFlows: {
    alias: string;
    authenticationExecutions: { authenticator?: string; authenticatorConfig?: string }[];
  }[];
  authenticatorConfig: { alias: string; config: Record<string, string> }[];
}

const realm = JSON.parse(
  readFileSync(new URL('../../../../charts/kefu/files/keycloak/realm-kefu.json', import.meta.url), 'utf8'),
) as RealmExport;
const client = (id: string) => realm.clients.find((candidate) => candidate.clientId === id);

describe('the Keycloak realm export shipped with the Helm chart', () => {
  it('defines realm kefu with exactly the roles the backend knows, plus the OTP marker', () => {
    expect(realm.realm).toBe('kefu');
    expect(realm.roles.realm.map((role) => role.name).sort()).toEqual([...allRoles, 'otp-required'].sort());
  });

  it('makes the console a public client with PKCE S256 and nothing weaker', () => {
    const console = client('kefu-console');
    expect(console).toMatchObject({ publicClient: true, directAccessGrantsEnabled: false, implicitFlowEnabled: false });
    expect(console?.attributes?.['pkce.code.challenge.method']).toBe('S256');
  });

  it("puts kefu-api in the console tokens' audience, as the backend requires", () => {
    const mapper = client('kefu-console')?.protocolMappers?.find((m) => m.protocolMapper === 'oidc-audience-mapper');
    expect(mapper?.config['included.client.audience']).toBe('kefu-api');
    expect(mapper?.config['access.token.claim']).toBe('true');
  });

  it('makes the API a bearer-only client', () => {
    expect(client('kefu-api')).toMatchObject({ bearerOnly: true, publicClient: false });
  });

  it('sets 5-minute access tokens, a 15-minute idle timeout, a 12-hour session limit and brute-force protection', () => {
    expect(realm).toMatchObject({
      accessTokenLifespan: 300,
      ssoSessionIdleTimeout: 900,
      ssoSessionMaxLifespan: 43200,
      bruteForceProtected: true,
    });
  });

  it('requires a one-time password of exactly the three administrator roles', () => {
    const requiring = realm.roles.realm
      .filter((role) => role.composites?.realm?.includes('otp-required'))
      .map((role) => role.name);
    expect(requiring.sort()).toEqual([...mutuallyExclusiveRoles].sort());
    const condition = realm.authenticatorConfig.find((config) => config.config.condUserRole === 'otp-required');
    const flows = realm.authenticationFlows.flatMap((flow) => flow.authenticationExecutions);
    expect(flows.some((execution) => execution.authenticatorConfig === condition?.alias)).toBe(true);
    expect(flows.some((execution) => execution.authenticator === 'auth-otp-form')).toBe(true);
    expect(realm.authenticationFlows.map((flow) => flow.alias)).toContain(realm.browserFlow);
  });
});
