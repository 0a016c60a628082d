/**
 * What a route may require. Routes name a permission, never a role, so who may do what is decided in one place
 * (role-permissions.ts) and the route-permission matrix in docs/permissions.md is generated from the code.
 */
export enum Permission {
  AuditRead = 'audit.read',
  AuditExport = 'audit.export',
  AuditVerify = 'audit.verify',
  AuditArchive = 'audit.archive',
  RolesManage = 'roles.manage',
  KeysManage = 'keys.manage',
  SystemConfigure = 'system.configure',
  ConversationsHandle = 'conversations.handle',
  ConversationsSupervise = 'conversations.supervise',
  PersonalDataReveal = 'personal-data.reveal',
  KnowledgeEdit = 'knowledge.edit',
  KnowledgeApprove = 'knowledge.approve',
  /** Read drafts, releases and their diffs: both sides of maker-checker need it. */
  KnowledgeRead = 'knowledge.read',
  ModelsTrain = 'models.train',
  ModelsActivate = 'models.activate',
  /** Create, change and delete the bot's flows (multi-turn forms that call bank endpoints). */
  BotFlowsEdit = 'bot.flows.edit',
  /** Read the unanswered questions (personal data masked) and the suggestions mined from them. */
  BotUnansweredRead = 'bot.unanswered.read',
  SessionRead = 'session.read',
  /** Skill groups, their members, strategies and working hours, and each agent's capacity. */
  RoutingManage = 'routing.manage',
  /** Create, change and delete the canned replies (快捷回复) agents insert. */
  CannedRepliesManage = 'canned-replies.manage',
  /** Create, work on and comment tickets (工单). */
  TicketsHandle = 'tickets.handle',
  /** Define the custom fields tickets carry. */
  TicketsConfigure = 'tickets.configure',
  /** Define quality inspection rules and scorecards (质检规则, 评分卡). */
  QualityConfigure = 'quality.configure',
  /** Read and recompute the quality scores of closed conversations. */
  QualityReview = 'quality.review',
  /** Read the service figures (resolution, handoff, CSAT, response times, occupancy) and their dashboards. */
  AnalyticsRead = 'analytics.read',
  /** Download the figures as CSV or Excel; every export is audited as `export.report`. */
  AnalyticsExport = 'analytics.export',
}
