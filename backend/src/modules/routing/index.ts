export { routingMigrations } from './migrations/routing-migrations.ts';
export { QueueDispatcher } from './queue-dispatcher.service.ts';
export { RoutingModule } from './routing.module.ts';
export { RoutingGroups } from './routing-groups.service.ts';
