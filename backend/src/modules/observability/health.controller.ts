import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/access/index.ts';
import { MetricsRegistry } from './metrics-registry.ts';
import { type Readiness, ReadinessService } from './readiness.service.ts';

/** Probes for Kubernetes and load balancers, and the Prometheus scrape endpoint. Open: they carry no data (restrict /metrics to the scraper with a NetworkPolicy). */
@ApiExcludeController()
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly metrics: MetricsRegistry,
  ) {}

  /** Liveness: the process answers. Deliberately checks nothing else, so a database outage never restarts pods. */
  @Get('healthz')
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async readyz(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const readiness = await this.readiness.check();
    void reply.status(readiness.ready ? 200 : 503);
    return readiness;
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
