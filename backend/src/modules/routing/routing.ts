export type Presence = 'online' | 'busy' | 'away' | 'offline';
export const presences: readonly Presence[] = ['online', 'busy', 'away', 'offline'];
/** Online and busy agents are at their desk: a group with any of them keeps its customers waiting, not overflowing. */
export const presentStates: readonly Presence[] = ['online', 'busy'];

export type Strategy = 'least-busy' | 'round-robin' | 'previous-agent';
export const strategies: readonly Strategy[] = ['least-busy', 'round-robin', 'previous-agent'];

/** Weekly opening windows in a time zone; days are ISO weekdays, 1 = Monday … 7 = Sunday. */
export interface WorkingHours {
  timezone: string;
  windows: Array<{ days: number[]; from: string; to: string }>;
}

export interface RoutingGroup {
  id: string;
  name: string;
  strategy: Strategy;
  /** Null: always open. */
  workingHours: WorkingHours | null;
  /** Receives the bot's handoffs. */
  handoffDefault: boolean;
  memberIds: string[];
}

export interface RoutingAgent {
  agentId: string;
  displayName: string;
  presence: Presence;
  /** Offline because their console went silent (KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS), until they set a presence. */
  presenceTimedOut: boolean;
  capacity: number;
  active: number;
  groupIds: string[];
}

export type QueueState = 'waiting' | 'assigned' | 'overflowed' | 'ended';

export interface QueueEntry {
  conversationId: string;
  visitorId: string;
  groupId: string | null;
  state: QueueState;
  reason: string;
  enqueuedAt: Date;
  agentId: string | null;
  assignedAt: Date | null;
  ticketId: string | null;
}
