import type { Permission } from '../../../src/common/access/permission.ts';
import type { Role } from '../../../src/common/access/role.ts';

/** GET /api/v1/me: who is signed in and what their roles allow. */
export interface CurrentStaff {
  id: string;
  username?: string;
  roles: Role[];
  permissions: Permission[];
}

/** One published knowledge item (GET /api/v1/knowledge/items). */
export interface KnowledgeItem {
  id: string;
  kind: 'faq' | 'intent' | 'chitchat';
  language: 'zh' | 'en';
  content: { question: string; similar: string[]; category: string; tags: string[] };
}

export type Presence = 'online' | 'busy' | 'away' | 'offline';
export const presences: readonly Presence[] = ['online', 'busy', 'away', 'offline'];

/** A conversation as routing sees it (no personal data). */
export interface QueueEntry {
  conversationId: string;
  groupId: string | null;
  state: string;
  reason: string;
  enqueuedAt: string;
  agentId: string | null;
  assignedAt: string | null;
  position?: number | null;
  waitedSeconds?: number;
}

/** GET /api/v1/routing/me: the agent's presence and the conversations routed to them (no personal data). */
export interface MyRouting {
  agent: { presence: Presence; capacity: number; active: number };
  assigned: QueueEntry[];
}

export interface RoutingGroup {
  id: string;
  name: string;
  memberIds: string[];
}

export interface RoutingAgent {
  agentId: string;
  displayName: string;
  presence: Presence;
  capacity: number;
  active: number;
  groupIds: string[];
}

/** One message of a transcript (GET /api/v1/agent/conversations/{id}/messages). */
export interface ChatMessage {
  seq: number;
  clientMessageId?: string;
  sender: 'visitor' | 'bot' | 'agent' | 'system';
  kind: string;
  text: string;
  suggestions?: { id: string; question: string }[];
  createdAt: string;
}

/** An internal note (GET /api/v1/agent/conversations/{id}/notes): staff only, never shown to the customer. */
export interface ConversationNote {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  shredded: boolean;
  createdAt: string;
}

/** A canned reply (GET /api/v1/canned-replies): the body as written, `{variables}` included. */
export interface CannedReply {
  id: string;
  title: string;
  body: string;
  groupId: string | null;
}

export interface ConversationSummary {
  id: string;
  channel: 'web' | 'api';
  language: 'zh' | 'en';
  state: 'bot' | 'queued' | 'agent' | 'closed';
  lastSeq: number;
}

export interface Transcript {
  conversation: ConversationSummary;
  messages: ChatMessage[];
}

/** GET /api/v1/assist/conversations/{id}: suggested answers for the customer's last message and their mood. */
export interface Assistance {
  basedOnSeq: number | null;
  suggestions: { itemId: string; question: string; answer: string; confidence: number }[];
  sentiment: { label: string; confidence: number } | null;
}

export type Disposition = 'resolved' | 'unresolved' | 'follow-up' | 'spam' | 'no-response';
export const dispositions: readonly Disposition[] = ['resolved', 'unresolved', 'follow-up', 'spam', 'no-response'];

export type TicketPriority = 'urgent' | 'high' | 'normal' | 'low';
export const ticketPriorities: readonly TicketPriority[] = ['urgent', 'high', 'normal', 'low'];

export interface NewTicket {
  subject: string;
  description: string;
  priority: TicketPriority;
  conversationId: string;
}

export interface Ticket {
  id: string;
  number: number;
}

/** A customer profile as staff see it: every personal field masked by the API. */
export interface MaskedProfile {
  id: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
}

export type ProfileField = 'name' | 'phone' | 'idNumber';

/** Filters of the audit search (GET /api/v1/audit/events), all optional, combined with AND. */
export interface AuditFilters {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  /** ISO 8601: inclusive lower bound and exclusive upper bound of the event time. */
  from?: string;
  to?: string;
}

/** One audit event as auditors see it; personal data in `details` is already a keyed hash. */
export interface AuditEvent {
  seq: number;
  occurredAt: string;
  actorKind: string;
  actorId: string;
  actorRoles: string[];
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  sourceAddress: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  rowHash: string;
}

export interface AuditEventPage {
  items: AuditEvent[];
  nextAfterSeq: number | null;
}

/** POST /api/v1/audit/verify: the chain's verdict, how far it verified and when. */
export interface ChainVerification {
  ok: boolean;
  checked: number;
  first_bad_seq: number | null;
  reason: string | null;
  verified_up_to_seq: number | null;
  verified_at: string;
}

/** POST /api/v1/audit/verify-export: what `kefu audit verify-export` says about a file. */
export interface ExportVerification {
  ok: boolean;
  checked: number;
  first_bad_seq: number | null;
  reason: string | null;
  key_id: string | null;
  hmac_checked: boolean;
  signed_by_this_installation: boolean;
}

export type AuditExportFormat = 'jsonl' | 'csv';

/** The API refused the token: the session has ended (expired, revoked or signed out elsewhere). */
export class SessionEndedError extends Error {}

/** The API answered with an error: its status and its message (which names the field and rule). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The Kefu API as the console uses it; every call carries the staff member's access token. */
export class KefuApi {
  constructor(
    private readonly accessToken: () => Promise<string | undefined>,
    private readonly onSessionEnded: () => void,
  ) {}

  me(): Promise<CurrentStaff> {
    return this.call('GET', '/api/v1/me');
  }

  myRouting(): Promise<MyRouting> {
    return this.call('GET', '/api/v1/routing/me');
  }

  setPresence(presence: Presence): Promise<unknown> {
    return this.call('PUT', '/api/v1/routing/me/presence', { presence });
  }

  /** The supervisor's board: waiting conversations (with position), then assigned ones. */
  liveConversations(): Promise<QueueEntry[]> {
    return this.call('GET', '/api/v1/routing/conversations');
  }

  routingGroups(): Promise<RoutingGroup[]> {
    return this.call('GET', '/api/v1/routing/groups');
  }

  routingAgents(): Promise<RoutingAgent[]> {
    return this.call('GET', '/api/v1/routing/agents');
  }

  transfer(conversationId: string, target: { agentId: string } | { groupId: string }): Promise<QueueEntry> {
    return this.call('POST', `/api/v1/routing/conversations/${conversationId}/transfer`, target);
  }

  /** A supervisor serves the conversation from now on (waiting or assigned); audited by the API. */
  takeOver(conversationId: string): Promise<QueueEntry> {
    return this.call('POST', `/api/v1/routing/conversations/${conversationId}/takeover`, {});
  }

  transcript(conversationId: string, afterSeq: number): Promise<Transcript> {
    return this.call('GET', `/api/v1/agent/conversations/${conversationId}/messages?afterSeq=${afterSeq}`);
  }

  reply(conversationId: string, clientMessageId: string, text: string): Promise<{ message: ChatMessage }> {
    return this.call('POST', `/api/v1/agent/conversations/${conversationId}/messages`, { clientMessageId, text });
  }

  /** The global canned replies and, given a group, that group's. */
  cannedReplies(groupId?: string | null): Promise<CannedReply[]> {
    return this.call('GET', `/api/v1/canned-replies${groupId ? `?groupId=${groupId}` : ''}`);
  }

  notes(conversationId: string): Promise<ConversationNote[]> {
    return this.call('GET', `/api/v1/agent/conversations/${conversationId}/notes`);
  }

  addNote(conversationId: string, text: string): Promise<ConversationNote> {
    return this.call('POST', `/api/v1/agent/conversations/${conversationId}/notes`, { text });
  }

  close(conversationId: string, disposition: Disposition, summary: string): Promise<ConversationSummary> {
    return this.call('POST', `/api/v1/agent/conversations/${conversationId}/close`, { disposition, summary });
  }

  assist(conversationId: string): Promise<Assistance> {
    return this.call('GET', `/api/v1/assist/conversations/${conversationId}`);
  }

  createTicket(ticket: NewTicket): Promise<Ticket> {
    return this.call('POST', '/api/v1/tickets', ticket);
  }

  searchProfiles(phone: string): Promise<MaskedProfile[]> {
    return this.call('POST', '/api/v1/privacy/customer-profiles/search', { phone });
  }

  /** One field in full; the API records the reason in the audit trail before it answers. */
  reveal(profileId: string, field: ProfileField, reason: string): Promise<{ value: string }> {
    return this.call('POST', '/api/v1/privacy/reveal', { profileId, field, reason });
  }

  knowledgeItems(): Promise<KnowledgeItem[]> {
    return this.call('GET', '/api/v1/knowledge/items');
  }

  auditEvents(filters: AuditFilters, afterSeq?: number): Promise<AuditEventPage> {
    const query = new URLSearchParams({ limit: '50' });
    for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
    if (afterSeq !== undefined) query.set('afterSeq', String(afterSeq));
    return this.call('GET', `/api/v1/audit/events?${query}`);
  }

  /** Verifies the whole online trail; the API records the verification in the trail itself. */
  verifyAuditTrail(): Promise<ChainVerification> {
    return this.call('POST', '/api/v1/audit/verify', {});
  }

  /** The signed export file, byte for byte (its signature covers the exact bytes). Recorded as `audit.export`. */
  async exportAudit(range: { fromSeq?: number; toSeq?: number }, format: AuditExportFormat): Promise<Blob> {
    const query = new URLSearchParams({ format });
    if (range.fromSeq) query.set('fromSeq', String(range.fromSeq));
    if (range.toSeq) query.set('toSeq', String(range.toSeq));
    const response = await this.send('GET', `/api/v1/audit/export?${query}`);
    if (!response.ok) throw await this.failure(response);
    return response.blob();
  }

  verifyAuditExport(file: Blob): Promise<ExportVerification> {
    return this.call('POST', '/api/v1/audit/verify-export', file);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    if (!response.ok) throw await this.failure(response);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A Blob goes as raw bytes (an uploaded file), anything else as JSON. */
  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const token = await this.accessToken();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const raw = body instanceof Blob;
    if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
    const payload = body === undefined ? undefined : raw ? body : JSON.stringify(body);
    const response = token ? await fetch(path, { method, headers, body: payload }) : undefined;
    if (!response || response.status === 401) {
      this.onSessionEnded();
      throw new SessionEndedError(`${path}: the session has ended`);
    }
    return response;
  }

  private async failure(response: Response): Promise<ApiError> {
    const text = await response.text();
    const message = (() => {
      try {
        return (JSON.parse(text) as { message?: string }).message;
      } catch {
        return undefined;
      }
    })();
    return new ApiError(response.status, message ?? `${response.url}: HTTP ${response.status}`);
  }
}
