export {
  AgentConversations,
  type PostedMessages,
  type StaffMember,
  type Transcript,
} from './agent-conversations.service.ts';
export { WIDGET_NAMESPACE } from './channels/widget.gateway.ts';
export type { ChatMessage, Conversation, SendResult } from './conversation.ts';
export { ConversationState } from './conversation.ts';
export { ConversationEvents, type MessagesListener } from './conversation-events.ts';
export { ConversationLifecycle, type ConversationObserver } from './conversation-lifecycle.ts';
export { ConversationsModule } from './conversations.module.ts';
export { Conversations } from './conversations.service.ts';
export { conversationView, HistoryResponse } from './dto/chat-message.response.ts';
export { conversationsMigrations } from './migrations/conversations-migrations.ts';
export { TranscriptReads, type TranscriptReadVia } from './transcript-reads.service.ts';
export { SIGNATURE_HEADER, verifyWebhook } from './webhooks/webhook-signature.ts';
