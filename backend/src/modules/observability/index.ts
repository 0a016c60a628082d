export { requestIdFor } from './http-instrumentation.ts';
export { MetricsRegistry } from './metrics-registry.ts';
export { ObservabilityModule } from './observability.module.ts';
export { type ReadinessCheck, ReadinessService } from './readiness.service.ts';
