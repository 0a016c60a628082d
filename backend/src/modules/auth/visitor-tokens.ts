import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { Actor } from '../../common/access/actor.ts';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuthenticationError } from './auth.errors.ts';
import { readOrCreatePrivateJson } from './demo-idp/private-file.ts';

type VisitorKey = Awaited<ReturnType<typeof importJWK>>;

const VISITOR_AUDIENCE = 'kefu-visitor';
const ALGORITHM = 'EdDSA';

export interface IssuedVisitorToken {
  token: string;
  visitorId: string;
  expiresAt: string;
  /** Whether the bank's portal vouched for this customer. */
  verified: boolean;
}

/**
 * Bank customers are not staff: the widget gets a short-lived visitor token signed by Kefu (Ed25519), either
 * anonymous or carrying the customer id from an assertion that the bank's own portal signed and that Kefu checked
 * against the portal's JWKS. Every replica must share the signing key file.
 */
@Injectable()
export class VisitorTokens implements OnModuleInit {
  private signingKey?: VisitorKey;
  private verificationKey?: VisitorKey;
  private portalKeys?: JWTVerifyGetKey;

  constructor(private readonly config: KefuConfig) {}

  async onModuleInit(): Promise<void> {
    const stored = await readOrCreatePrivateJson<{ privateJwk: JWK; publicJwk: JWK }>(
      join(this.config.identity.demoProvider.dataDir, 'visitor-signing-key.json'),
      async () => {
        const pair = await generateKeyPair(ALGORITHM, { extractable: true });
        const kid = randomBytes(8).toString('hex');
        return {
          privateJwk: { ...(await exportJWK(pair.privateKey)), kid },
          publicJwk: { ...(await exportJWK(pair.publicKey)), kid },
        };
      },
    );
    this.signingKey = await importJWK(stored.privateJwk, ALGORITHM);
    this.verificationKey = await importJWK(stored.publicJwk, ALGORITHM);
    const assertion = this.config.identity.visitor.assertion;
    if (assertion) this.portalKeys = createRemoteJWKSet(new URL(assertion.jwksUrl));
  }

  async issueAnonymous(): Promise<IssuedVisitorToken> {
    return this.issue(`anonymous:${randomUUID()}`, false);
  }

  /** Verifies the portal's assertion (signature, issuer, audience = Kefu's public URL, expiry) and vouches for its subject. */
  async issueFromAssertion(assertion: string): Promise<IssuedVisitorToken> {
    const settings = this.config.identity.visitor.assertion;
    if (!settings || !this.portalKeys) {
      throw new AuthenticationError('assertion: no bank portal is configured to vouch for customers');
    }
    try {
      const { payload } = await jwtVerify(assertion, this.portalKeys, {
        issuer: settings.issuer,
        audience: this.config.identity.publicUrl,
        requiredClaims: ['sub', 'exp'],
      });
      return this.issue(`customer:${payload.sub}`, true);
    } catch (error) {
      throw new AuthenticationError(`assertion: ${error instanceof Error ? error.message : 'invalid'}`);
    }
  }

  async verify(token: string, sourceAddress: string): Promise<Actor> {
    try {
      const { payload } = await jwtVerify(token, this.key(this.verificationKey), {
        issuer: this.issuer,
        audience: VISITOR_AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['sub', 'exp'],
      });
      return {
        kind: 'visitor',
        id: String(payload.sub),
        roles: [],
        sourceAddress,
        verified: payload.verified === true,
      };
    } catch (error) {
      throw new AuthenticationError(
        `authorization: ${error instanceof Error ? error.message : 'invalid visitor token'}`,
      );
    }
  }

  private async issue(visitorId: string, verified: boolean): Promise<IssuedVisitorToken> {
    const lifetime = this.config.identity.visitor.tokenSeconds;
    const expiresAt = new Date(Date.now() + lifetime * 1000);
    const token = await new SignJWT({ verified })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(VISITOR_AUDIENCE)
      .setSubject(visitorId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key(this.signingKey));
    return { token, visitorId, expiresAt: expiresAt.toISOString(), verified };
  }

  private get issuer(): string {
    return `${this.config.identity.publicUrl}/visitors`;
  }

  private key(key: VisitorKey | undefined): VisitorKey {
    if (!key) throw new Error('visitor token keys are not loaded yet');
    return key;
  }
}
