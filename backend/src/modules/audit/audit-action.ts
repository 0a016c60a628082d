/**
 * Every security-relevant action Kefu records. The values are stored in the trail and forwarded to SIEMs, so a value
 * is never renamed or reused; add new ones at the end of their group.
 */
export enum AuditAction {
  AuthSignIn = 'auth.sign-in',
  AuthSignOut = 'auth.sign-out',
  AuthAccessDenied = 'auth.access-denied',
  AuthRoleConflict = 'auth.role-conflict',
  RolesChange = 'roles.change',
  PersonalDataReveal = 'personal-data.reveal',
  PersonalDataErase = 'personal-data.erase',
  ExportConversations = 'export.conversations',
  ExportPersonalData = 'export.personal-data',
  ExportReport = 'export.report',
  ConfigChange = 'config.change',
  KeysCreate = 'keys.create',
  KeysRotate = 'keys.rotate',
  KeysDestroy = 'keys.destroy',
  KnowledgePublish = 'knowledge.publish',
  ModelActivate = 'model.activate',
  /** A trainer asked for a model package to be activated; another person approves (model.activate) or rejects it. */
  ModelActivationPropose = 'model.activation.propose',
  ModelActivationReject = 'model.activation.reject',
  BotFlowChange = 'bot.flow.change',
  /** A skill group, its members, strategy or working hours, or an agent's capacity changed. */
  RoutingChange = 'routing.change',
  /** A conversation moved to another agent or group. */
  ConversationTransfer = 'conversation.transfer',
  /** A supervisor took a conversation over from the agent serving it. */
  ConversationTakeover = 'conversation.takeover',
  /** A person other than the agent serving it opened a conversation's transcript (masked); see TranscriptReads. */
  ConversationTranscriptRead = 'conversation.transcript-read',
  TicketFieldsChange = 'tickets.fields.change',
  RetentionRun = 'retention.run',
  LegalHoldPlace = 'legal-hold.place',
  LegalHoldRelease = 'legal-hold.release',
  AuditExport = 'audit.export',
  AuditVerify = 'audit.verify',
  AuditArchive = 'audit.archive',
  AuditCheckpoint = 'audit.checkpoint',
  /** The sealer refused a pending event that was forged, altered or replayed in `audit_pending`. */
  AuditIntakeRejected = 'audit.intake-rejected',
}

export const allAuditActions: readonly AuditAction[] = Object.values(AuditAction);
