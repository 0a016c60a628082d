import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestContext } from '../../common/logging/request-context.ts';
import { MetricsRegistry } from './metrics-registry.ts';

const REQUEST_ID_HEADER = 'x-request-id';
/** A caller-supplied id is kept only if it is short and harmless, so it cannot forge or flood log lines. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a caller's well-formed X-Request-Id (so ids follow a request across systems); otherwise a new UUID. */
export function requestIdFor(request: { headers: Record<string, string | string[] | undefined> }): string {
  const offered = request.headers[REQUEST_ID_HEADER];
  return typeof offered === 'string' && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
}

/**
 * Per request: runs the handler inside the request context (so every log line names the request), echoes the id
 * in X-Request-Id, records latency by route pattern and writes one access-log line. While the server closes,
 * responses carry `Connection: close`, so keep-alive clients let go as soon as their in-flight request is answered
 * instead of holding shutdown open until the keep-alive timeout.
 */
@Injectable()
export class HttpInstrumentation implements OnModuleInit {
  private readonly logger = new Logger('http');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsRegistry,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    let closing = false;
    fastify.addHook('preClose', (done) => {
      closing = true;
      done();
    });
    fastify.addHook('onSend', (_request, reply, payload, done) => {
      if (closing) void reply.header('connection', 'close');
      done(null, payload);
    });
    fastify.addHook('onRequest', (request, reply, done) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
      requestContext.run({ requestId: String(request.id) }, done);
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = routePattern(request);
      this.metrics.httpDuration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      this.logger.log(`${request.method} ${route} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
      done();
    });
  }
}

/** The route pattern (`/tickets/:id`), never the raw URL, so metrics and logs hold no identifiers. */
function routePattern(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}
