import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.ts';
import { AuthModule } from '../auth/index.ts';
import { BotModule } from '../bot/index.ts';
import { CryptoModule } from '../crypto/index.ts';
import { JobsModule } from '../jobs/index.ts';
import { AgentConversations } from './agent-conversations.service.ts';
import { CannedRepliesController } from './canned-replies/canned-replies.controller.ts';
import { CannedReplies } from './canned-replies/canned-replies.service.ts';
import { CannedReplyRepository } from './canned-replies/canned-reply.repository.ts';
import { AgentConversationsController } from './channels/agent-conversations.controller.ts';
import { ConversationNotesController } from './channels/conversation-notes.controller.ts';
import { ConversationsController } from './channels/conversations.controller.ts';
import { WidgetGateway } from './channels/widget.gateway.ts';
import { ConversationRepository } from './conversation.repository.ts';
import { ConversationEvents } from './conversation-events.ts';
import { ConversationLifecycle } from './conversation-lifecycle.ts';
import { ConversationNoteRepository } from './conversation-note.repository.ts';
import { ConversationNotes } from './conversation-notes.service.ts';
import { Conversations } from './conversations.service.ts';
import { IdleConversationCloser } from './idle-conversation-closer.service.ts';
import { MessageRepository } from './message.repository.ts';
import { TranscriptCipher } from './transcript-cipher.ts';
import { TranscriptReads } from './transcript-reads.service.ts';
import { WebhookDelivery } from './webhooks/webhook-delivery.ts';
import { WebhookSubscriptionRepository } from './webhooks/webhook-subscription.repository.ts';
import { WebhookSubscriptions } from './webhooks/webhook-subscriptions.service.ts';
import { WebhooksController } from './webhooks/webhooks.controller.ts';

/** Conversations and their channels: the widget's real-time gateway, the open REST API and signed webhooks. */
@Module({
  imports: [AuditModule, AuthModule, BotModule, CryptoModule, JobsModule],
  controllers: [
    ConversationsController,
    AgentConversationsController,
    ConversationNotesController,
    CannedRepliesController,
    WebhooksController,
  ],
  providers: [
    ConversationRepository,
    MessageRepository,
    TranscriptCipher,
    ConversationEvents,
    ConversationLifecycle,
    Conversations,
    AgentConversations,
    TranscriptReads,
    IdleConversationCloser,
    ConversationNoteRepository,
    ConversationNotes,
    CannedReplyRepository,
    CannedReplies,
    WidgetGateway,
    WebhookSubscriptionRepository,
    WebhookSubscriptions,
    WebhookDelivery,
  ],
  exports: [Conversations, ConversationEvents, ConversationLifecycle, AgentConversations, TranscriptReads],
})
export class ConversationsModule {}
