import { CreateRouting1795773100000 } from './1795773100000-create-routing.ts';
import { CreateAgentPresenceChanges1795795200000 } from './1795795200000-create-agent-presence-changes.ts';
import { AddAgentLastSeen1795795400000 } from './1795795400000-add-agent-last-seen.ts';

/** The routing module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const routingMigrations = [
  CreateRouting1795773100000,
  CreateAgentPresenceChanges1795795200000,
  AddAgentLastSeen1795795400000,
];
