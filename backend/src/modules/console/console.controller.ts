import { randomBytes } from 'node:crypto';
import { Controller, Get, NotFoundException, type OnModuleInit, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/access/index.ts';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { type ConsoleSignIn, consoleSignIn } from '../auth/index.ts';
import { type ConsoleBuild, loadConsoleBuild } from './console-assets.ts';
import { consoleSecurityPolicy } from './console-security-policy.ts';

/**
 * The staff console (a single-page app): its page, its content-hashed files and its sign-in settings are public, since
 * the browser needs them before anyone signs in; everything it shows comes from the API, which checks the token.
 */
@ApiExcludeController()
@Controller('console')
export class ConsoleController implements OnModuleInit {
  private build?: ConsoleBuild;
  private readonly signIn: ConsoleSignIn;

  constructor(config: KefuConfig) {
    this.signIn = consoleSignIn(config);
  }

  async onModuleInit(): Promise<void> {
    this.build = await loadConsoleBuild();
  }

  /** Read by the console at start: where to sign in (the app's OIDC issuer) and as which client. */
  @Get('config.json')
  @Public()
  config(@Res({ passthrough: true }) reply: FastifyReply): ConsoleSignIn {
    reply.header('cache-control', 'no-cache');
    return this.signIn;
  }

  @Get('assets/:file')
  @Public()
  asset(
    @Param('file') file: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Buffer {
    const asset = this.build?.assets.get(file);
    if (!asset) throw new NotFoundException(`file: no console file named ${file}`);
    // The name carries the content hash, so a file never changes under its name: cache it for a year.
    reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('vary', 'accept-encoding');
    if (asset.gzipped && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      reply.header('content-encoding', 'gzip');
      return asset.gzipped;
    }
    return asset.body;
  }

  @Get()
  @Public()
  home(@Res({ passthrough: true }) reply: FastifyReply): string {
    return this.page(reply);
  }

  /** Deep links (/console/knowledge, the sign-in callback) load the same page; the console routes in the browser. */
  @Get('*')
  @Public()
  deepLink(@Res({ passthrough: true }) reply: FastifyReply): string {
    return this.page(reply);
  }

  /** The page is tiny and names the current hashed files, so it is never cached; each response has its own nonce. */
  private page(reply: FastifyReply): string {
    if (!this.build) throw new NotFoundException('console: not loaded yet');
    const nonce = randomBytes(16).toString('base64');
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', consoleSecurityPolicy(nonce, this.signIn.issuer))
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff');
    return `${this.build.page.beforeNonce}${nonce}${this.build.page.afterNonce}`;
  }
}
