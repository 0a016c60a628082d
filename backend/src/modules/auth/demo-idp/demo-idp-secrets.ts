import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { readOrCreatePrivateJson } from './private-file.ts';

export interface DemoIdpSecrets {
  /** RS256, as Keycloak signs by default (keycloak-connect verifies RSA-SHA256 only). */
  signingKey: JWK;
  cookieKeys: string[];
}

/** The provider's signing key and cookie keys, generated at first start and kept across restarts. */
export function loadDemoIdpSecrets(dataDir: string): Promise<DemoIdpSecrets> {
  return readOrCreatePrivateJson(join(dataDir, 'secrets.json'), async () => {
    const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const signingKey = await exportJWK(privateKey);
    return {
      signingKey: { ...signingKey, alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') },
      cookieKeys: [randomBytes(32).toString('base64url')],
    };
  });
}
