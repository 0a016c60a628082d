import type { Permission } from '../../../src/common/access/permission.ts';
import type { Role } from '../../../src/common/access/role.ts';
import type { Violation } from '../../../src/common/errors/request-validation.error.ts';
import type { AuditRecord } from '../../../src/modules/audit/audit-entry.ts';
import type {
  Conversation,
  Disposition,
  ChatMessage as StoredChatMessage,
} from '../../../src/modules/conversations/conversation.ts';
import type { KnowledgeItem } from '../../../src/modules/knowledge/knowledge-item.ts';
import type { ProfileField } from '../../../src/modules/privacy/profile-field.ts';
import type {
  Presence,
  QueueEntry as RoutedConversation,
  RoutingAgent,
  RoutingGroup as StoredRoutingGroup,
} from '../../../src/modules/routing/routing.ts';
import type { Ticket as StoredTicket, TicketPriority } from '../../../src/modules/tickets/ticket.ts';
import {
  type AnalyticsExportFormat,
  type AnalyticsFilter,
  type AnalyticsReport,
  analyticsQuery,
} from './analytics-types.ts';
import {
  type KnowledgeContent,
  type KnowledgeDraft,
  type NewDraft,
  type Release,
  type ReleaseDiff,
  type ReleaseSummary,
  type RowViolation,
  type SpreadsheetFormat,
  spreadsheetMediaTypes,
  type TrainingRun,
  type UnansweredSuggestion,
} from './knowledge-types.ts';
import type { ActivationProposal, ApprovedActivation, ModelStatus, ProposalState } from './model-types.ts';
import type {
  AgentReportRow,
  Decision,
  MyScore,
  QualityReview,
  QualityRule,
  QualityScore,
  ReportPeriod,
  ReviewState,
  Scorecard,
  ScorecardChange,
  TeamReportRow,
} from './quality-types.ts';
import type { Wire } from './wire.ts';

/** GET /api/v1/me: who is signed in and what their roles allow. */
export interface CurrentStaff {
  id: string;
  username?: string;
  roles: Role[];
  permissions: Permission[];
}

export { type Presence, presences } from '../../../src/modules/routing/routing.ts';
/** One published knowledge item (GET /api/v1/knowledge/items). */
export type { KnowledgeItem };

/** A conversation as routing sees it (no personal data), with its place in the queue. */
export type QueueEntry = Pick<
  Wire<RoutedConversation>,
  'conversationId' | 'groupId' | 'state' | 'reason' | 'enqueuedAt' | 'agentId' | 'assignedAt'
> & { position?: number | null; waitedSeconds?: number };

/** GET /api/v1/routing/me: the agent's presence and the conversations routed to them (no personal data). */
export interface MyRouting {
  agent: Pick<RoutingAgent, 'presence' | 'presenceTimedOut' | 'capacity' | 'active'>;
  assigned: QueueEntry[];
  /** Not heard from for this long (this call, or setting a presence), an online or busy agent is set offline. */
  presenceTimeoutSeconds: number;
}

export type RoutingGroup = Pick<StoredRoutingGroup, 'id' | 'name' | 'memberIds'>;

export type { RoutingAgent };

/** One message of a transcript (GET /api/v1/agent/conversations/{id}/messages). */
export type ChatMessage = Pick<
  StoredChatMessage,
  'seq' | 'clientMessageId' | 'sender' | 'kind' | 'text' | 'suggestions' | 'createdAt'
>;

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

export type ConversationSummary = Pick<Conversation, 'id' | 'channel' | 'language' | 'lastSeq'> & {
  /** ConversationState's values: the console compares them as strings. */
  state: `${Conversation['state']}`;
};

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

export { type Disposition, dispositions } from '../../../src/modules/conversations/conversation.ts';
export { type TicketPriority, ticketPriorities } from '../../../src/modules/tickets/ticket.ts';

export interface NewTicket {
  subject: string;
  description: string;
  priority: TicketPriority;
  conversationId: string;
}

export type Ticket = Pick<StoredTicket, 'id' | 'number'>;

/** A customer profile as staff see it: every personal field masked by the API. */
export interface MaskedProfile {
  id: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
}

export type { ProfileField };

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
export type AuditEvent = Omit<AuditRecord, 'hashAlg'>;

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
    /** A 400's violations, each naming the field (`spec.maxSeconds`, `items.0.ruleId`) and the rule it broke. */
    readonly violations: readonly Violation[] = [],
    /** The stable code (`self_approval`, `import_rejected`, …) when the API sent one. */
    readonly code?: string,
    /** On import_rejected: every bad row of the uploaded file. */
    readonly rows?: readonly RowViolation[],
  ) {
    super(message);
  }
}

export type { Violation };

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

  /** Adds a canned reply (no `id`) or changes one; `groupId` null: for everyone. Audited by the API. */
  saveCannedReply(id: string | undefined, draft: Omit<CannedReply, 'id'>): Promise<CannedReply> {
    return id
      ? this.call('PUT', `/api/v1/canned-replies/${id}`, draft)
      : this.call('POST', '/api/v1/canned-replies', draft);
  }

  deleteCannedReply(id: string): Promise<void> {
    return this.call('DELETE', `/api/v1/canned-replies/${id}`);
  }

  notes(conversationId: string): Promise<ConversationNote[]> {
    return this.call('GET', `/api/v1/agent/conversations/${conversationId}/notes`);
  }

  addNote(conversationId: string, clientNoteId: string, text: string): Promise<ConversationNote> {
    return this.call('POST', `/api/v1/agent/conversations/${conversationId}/notes`, { text, clientNoteId });
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

  knowledgeDrafts(state?: string): Promise<KnowledgeDraft[]> {
    return this.call('GET', `/api/v1/knowledge/drafts${state ? `?state=${state}` : ''}`);
  }

  createDraft(draft: NewDraft): Promise<KnowledgeDraft> {
    return this.call('POST', '/api/v1/knowledge/drafts', draft);
  }

  updateDraft(id: string, content: KnowledgeContent): Promise<KnowledgeDraft> {
    return this.call('PUT', `/api/v1/knowledge/drafts/${id}`, { content });
  }

  submitDraft(id: string): Promise<KnowledgeDraft> {
    return this.call('POST', `/api/v1/knowledge/drafts/${id}/submit`, {});
  }

  rejectDraft(id: string, reason: string): Promise<KnowledgeDraft> {
    return this.call('POST', `/api/v1/knowledge/drafts/${id}/reject`, { reason });
  }

  /** What publishing the draft would change against the current release. */
  draftDiff(id: string): Promise<ReleaseDiff> {
    return this.call('GET', `/api/v1/knowledge/drafts/${id}/diff`);
  }

  /** Refused with 403 `self_approval` (ApiError.code) when the approver wrote one of the drafts. */
  publishDrafts(draftIds: string[], note?: string): Promise<Release> {
    return this.call('POST', '/api/v1/knowledge/releases', { draftIds, note });
  }

  knowledgeReleases(): Promise<ReleaseSummary[]> {
    return this.call('GET', '/api/v1/knowledge/releases');
  }

  knowledgeRelease(releaseNumber: number): Promise<Release> {
    return this.call('GET', `/api/v1/knowledge/releases/${releaseNumber}`);
  }

  rollbackRelease(releaseNumber: number, note?: string): Promise<Release> {
    return this.call('POST', `/api/v1/knowledge/releases/${releaseNumber}/rollback`, { note });
  }

  /** Every row becomes a draft, or nothing is stored and ApiError.rows lists each bad row. */
  importKnowledge(file: Blob, format: SpreadsheetFormat, submit: boolean): Promise<{ draftIds: string[] }> {
    return this.call('POST', `/api/v1/knowledge/import?submit=${submit}`, file, spreadsheetMediaTypes[format]);
  }

  async knowledgeTemplate(format: SpreadsheetFormat): Promise<Blob> {
    const response = await this.send('GET', `/api/v1/knowledge/template.${format}`);
    if (!response.ok) throw await this.failure(response);
    return response.blob();
  }

  unansweredSuggestions(language: 'zh' | 'en'): Promise<UnansweredSuggestion[]> {
    return this.call('GET', `/api/v1/bot/unanswered/suggestions?language=${language}`);
  }

  trainingRuns(): Promise<TrainingRun[]> {
    return this.call('GET', '/api/v1/knowledge/trainings');
  }

  models(): Promise<ModelStatus[]> {
    return this.call('GET', '/api/v1/nlu/models');
  }

  activationProposals(state?: ProposalState): Promise<ActivationProposal[]> {
    return this.call('GET', `/api/v1/nlu/activation-proposals${state ? `?state=${state}` : ''}`);
  }

  proposeActivation(model: string, packageName: string, note?: string): Promise<ActivationProposal> {
    return this.call('POST', '/api/v1/nlu/activation-proposals', { model, package: packageName, note });
  }

  /** Refused with 403 `self_approval` (ApiError.code) to whoever proposed it. */
  approveActivation(id: string): Promise<ApprovedActivation> {
    return this.call('POST', `/api/v1/nlu/activation-proposals/${id}/approve`, {});
  }

  rejectActivation(id: string, reason: string): Promise<ActivationProposal> {
    return this.call('POST', `/api/v1/nlu/activation-proposals/${id}/reject`, { reason });
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

  qualityRules(): Promise<QualityRule[]> {
    return this.call('GET', '/api/v1/quality/rules');
  }

  /** Creates or replaces the rule (version + 1); a bad spec is a 400 naming the field, e.g. `spec.maxSeconds`. */
  saveQualityRule(id: string, rule: { name: string; spec: Record<string, unknown> }): Promise<QualityRule> {
    return this.call('PUT', `/api/v1/quality/rules/${encodeURIComponent(id)}`, rule);
  }

  scorecards(): Promise<Scorecard[]> {
    return this.call('GET', '/api/v1/quality/scorecards');
  }

  saveScorecard(id: string, scorecard: ScorecardChange): Promise<Scorecard> {
    return this.call('PUT', `/api/v1/quality/scorecards/${encodeURIComponent(id)}`, scorecard);
  }

  qualityScores(conversationId: string): Promise<QualityScore[]> {
    return this.call('GET', `/api/v1/quality/conversations/${conversationId}/scores`);
  }

  /** The transcript of a scored conversation, for its reviewer (masked by the API). */
  qualityTranscript(conversationId: string): Promise<Transcript> {
    return this.call('GET', `/api/v1/quality/conversations/${conversationId}/transcript`);
  }

  qualityReviews(state: ReviewState): Promise<QualityReview[]> {
    return this.call('GET', `/api/v1/quality/reviews?state=${state}`);
  }

  submitReview(review: QualityReview, total: number, comment: string): Promise<QualityReview> {
    return this.call('POST', `${reviewPath(review)}/review`, { total, comment });
  }

  appeal(review: QualityReview, reason: string): Promise<QualityReview> {
    return this.call('POST', `${reviewPath(review)}/appeal`, { reason });
  }

  decideAppeal(review: QualityReview, decision: Decision): Promise<QualityReview> {
    return this.call('POST', `${reviewPath(review)}/decision`, decision);
  }

  myQualityScores(): Promise<MyScore[]> {
    return this.call('GET', '/api/v1/quality/my-scores');
  }

  qualityReport(by: 'agents', period: ReportPeriod): Promise<AgentReportRow[]>;
  qualityReport(by: 'teams', period: ReportPeriod): Promise<TeamReportRow[]>;
  qualityReport(by: 'agents' | 'teams', period: ReportPeriod): Promise<AgentReportRow[] | TeamReportRow[]> {
    return this.call('GET', `/api/v1/quality/reports/${by}?${new URLSearchParams({ ...period })}`);
  }

  analyticsReport(filter: AnalyticsFilter): Promise<AnalyticsReport> {
    return this.call('GET', `/api/v1/analytics/report?${analyticsQuery(filter)}`);
  }

  /** The report as CSV or Excel; the API records the export (`export.report`) before it answers. */
  async exportAnalytics(filter: AnalyticsFilter, format: AnalyticsExportFormat): Promise<Blob> {
    const query = analyticsQuery(filter);
    query.set('format', format);
    const response = await this.send('GET', `/api/v1/analytics/export?${query}`);
    if (!response.ok) throw await this.failure(response);
    return response.blob();
  }

  private async call<T>(method: string, path: string, body?: unknown, mediaType?: string): Promise<T> {
    const response = await this.send(method, path, body, mediaType);
    if (!response.ok) throw await this.failure(response);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A Blob goes as raw bytes (an uploaded file, as `mediaType`), anything else as JSON. */
  private async send(method: string, path: string, body?: unknown, mediaType?: string): Promise<Response> {
    const token = await this.accessToken();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const raw = body instanceof Blob;
    if (body !== undefined)
      headers['content-type'] = raw ? (mediaType ?? 'application/octet-stream') : 'application/json';
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
    const body = (() => {
      try {
        return JSON.parse(text) as {
          message?: string;
          violations?: Violation[];
          error?: string;
          rows?: RowViolation[];
        };
      } catch {
        return {};
      }
    })();
    const message = body.message ?? `${response.url}: HTTP ${response.status}`;
    return new ApiError(response.status, message, body.violations, body.error, body.rows);
  }
}

function reviewPath(review: { conversationId: string; scorecardId: string }): string {
  return `/api/v1/quality/reviews/${review.conversationId}/${encodeURIComponent(review.scorecardId)}`;
}
