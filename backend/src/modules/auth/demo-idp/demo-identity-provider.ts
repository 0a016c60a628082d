import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { KefuConfig } from '../../../common/config/kefu-config.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../../audit/index.ts';
import { DEMO_REALM_PATH, INTERACTION_PATH } from './demo-idp-paths.ts';
import { loadDemoIdpSecrets } from './demo-idp-secrets.ts';
import { demoProviderConfiguration } from './demo-provider-configuration.ts';
import { type DemoUser, DemoUserDirectory } from './demo-user-directory.ts';
import { renderLoginPage } from './login-page.ts';

/**
 * The built-in OpenID provider for the embedded default (evaluation only; refused in production unless
 * KEFU_DEMO_IDP=true). It is a real OIDC server (oidc-provider) mounted inside the app at Keycloak's paths, so the
 * backend validates its tokens through exactly the code path it uses for Keycloak. Sessions and codes live in
 * memory: one replica only.
 */
@Injectable()
export class DemoIdentityProvider implements OnModuleInit {
  private readonly logger = new Logger('DemoIdentityProvider');
  private users?: DemoUserDirectory;

  constructor(
    private readonly config: KefuConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly audit: AuditTrail,
  ) {}

  get enabled(): boolean {
    return !this.config.identity.keycloak;
  }

  /** The demo accounts (tests and evaluation set-ups add accounts with particular roles through it). */
  get directory(): DemoUserDirectory {
    if (!this.users) throw new Error('the built-in identity provider is not running (KEFU_KEYCLOAK_URL is set)');
    return this.users;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    const { dataDir } = this.config.identity.demoProvider;
    const [secrets, { directory, created }] = await Promise.all([
      loadDemoIdpSecrets(dataDir),
      DemoUserDirectory.open(dataDir),
    ]);
    this.users = directory;
    this.announce(created);
    // Loaded only when the built-in provider runs: the library warns on Node 20 at import, and Keycloak sites never
    // need it.
    const { default: OidcProvider } = await import('oidc-provider');
    const provider = new OidcProvider(
      `${this.config.identity.publicUrl}${DEMO_REALM_PATH}`,
      demoProviderConfiguration(this.config, secrets, directory),
    );
    // Behind a TLS-terminating ingress the public URL is https while the pod speaks http.
    provider.proxy = true;
    provider.on('end_session.success', (ctx) => this.recordSignOut(ctx.oidc.session?.accountId, ctx.ip));
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Not awaited: awaiting would boot Fastify's plugin queue now, and routes registered after that would miss the
    // error handler Nest installs later in its start-up.
    void fastify.register(async (realm) => this.mountRealm(realm, provider));
    void fastify.register(async (forms) => this.mountSignInForm(forms, provider));
  }

  /** oidc-provider reads its own request bodies, so this encapsulated context leaves the stream unparsed. */
  private mountRealm(realm: FastifyInstance, provider: Provider): void {
    const handle = provider.callback();
    realm.removeAllContentTypeParsers();
    realm.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    realm.all(`${DEMO_REALM_PATH}/*`, (request, reply) => {
      reply.hijack();
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? '/').slice(DEMO_REALM_PATH.length) || '/';
      handle(raw, reply.raw);
    });
  }

  /** The form posts application/x-www-form-urlencoded, which the app's root parsers already read. */
  private mountSignInForm(forms: FastifyInstance, provider: Provider): void {
    forms.get(`${INTERACTION_PATH}/:uid`, async (request, reply) => {
      await provider.interactionDetails(request.raw, reply.raw);
      return this.sendForm(reply, request, false);
    });
    forms.post(`${INTERACTION_PATH}/:uid`, async (request: FastifyRequest, reply: FastifyReply) => {
      await provider.interactionDetails(request.raw, reply.raw);
      const { username, password } = request.body as { username?: string; password?: string };
      const user = await this.directory.authenticate(String(username ?? ''), String(password ?? ''));
      await this.recordSignIn(user, String(username ?? ''), request.ip);
      if (!user) return this.sendForm(reply.status(401), request, true, String(username ?? ''));
      reply.hijack();
      await provider.interactionFinished(
        request.raw,
        reply.raw,
        { login: { accountId: user.id } },
        { mergeWithLastSubmission: false },
      );
    });
  }

  private sendForm(reply: FastifyReply, request: FastifyRequest, failed: boolean, username?: string): FastifyReply {
    const { uid } = request.params as { uid: string };
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
      .send(renderLoginPage({ action: `${INTERACTION_PATH}/${encodeURIComponent(uid)}`, username, failed }));
  }

  /** Fail-closed: when the record cannot be written the sign-in is refused (503) before any session exists. */
  private async recordSignIn(user: DemoUser | undefined, username: string, sourceAddress: string): Promise<void> {
    await this.audit.record({
      actor: { kind: 'staff', id: user?.id ?? 'unknown', roles: user?.roles ?? [], sourceAddress },
      action: AuditAction.AuthSignIn,
      outcome: user ? AuditOutcome.Success : AuditOutcome.Failure,
      details: { provider: 'built-in', ...(user ? {} : { reason: 'wrong username or password' }) },
      personalData: { username },
    });
  }

  /**
   * Recorded after the fact, and not fail-closed: refusing a sign-out because the audit store is down would keep a
   * session alive, which is worse than a missing record; the failure is logged loudly instead.
   */
  private recordSignOut(accountId: string | undefined, sourceAddress: string): void {
    const user = accountId ? this.users?.findById(accountId) : undefined;
    this.audit
      .record({
        actor: { kind: 'staff', id: accountId ?? 'unknown', roles: user?.roles ?? [], sourceAddress },
        action: AuditAction.AuthSignOut,
        outcome: AuditOutcome.Success,
        details: { provider: 'built-in' },
      })
      .catch((error: unknown) => this.logger.error(`sign-out of ${accountId} not audited: ${String(error)}`));
  }

  /** First start only: the generated passwords are shown once, here, and kept nowhere else in clear. */
  private announce(created: { username: string; password: string }[]): void {
    if (created.length === 0) return;
    const lines = created.map((user) => `  ${user.username.padEnd(15)} ${user.password}`).join('\n');
    this.logger.warn('built-in identity provider: demo accounts created (shown once)');
    process.stdout.write(`\nKefu demo accounts (username, password) — for evaluation only:\n${lines}\n\n`);
  }
}
