import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.ts';
import { HttpInstrumentation } from './http-instrumentation.ts';
import { MetricsRegistry } from './metrics-registry.ts';
import { ReadinessService } from './readiness.service.ts';

@Module({
  controllers: [HealthController],
  providers: [MetricsRegistry, HttpInstrumentation, ReadinessService],
  exports: [MetricsRegistry, ReadinessService],
})
export class ObservabilityModule {}
