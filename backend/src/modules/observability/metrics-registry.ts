import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/**
 * One Prometheus registry per app instance (not prom-client's global one), so tests that boot several apps in one
 * process do not share counters. Holds the process metrics (including event-loop lag), HTTP latency and the
 * database pool.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'kefu_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(@InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'kefu_' });
    const pool = () => (dataSource.driver as unknown as { master?: Pool }).master;
    const poolGauge = (name: string, help: string, read: (pool: Pool) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const current = pool();
          this.set(current ? read(current) : 0);
        },
      });
    poolGauge('kefu_db_pool_connections', 'Open connections in the database pool', (p) => p.totalCount);
    poolGauge('kefu_db_pool_idle_connections', 'Idle connections in the database pool', (p) => p.idleCount);
    poolGauge('kefu_db_pool_waiting_requests', 'Queries waiting for a pooled connection', (p) => p.waitingCount);
  }
}
