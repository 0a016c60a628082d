import { Injectable, type OnModuleInit } from '@nestjs/common';
import { KefuConfig } from '../../../common/config/kefu-config.ts';
import { Jobs } from '../../jobs/index.ts';
import type { ChatMessage, Conversation } from '../conversation.ts';
import { ConversationEvents, type MessagesListener } from '../conversation-events.ts';
import { MessageRepository } from '../message.repository.ts';
import { TranscriptCipher } from '../transcript-cipher.ts';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.ts';
import { WebhookSubscriptions } from './webhook-subscriptions.service.ts';

export const WEBHOOK_QUEUE = 'conversations.webhook';

/** A delivery job names messages, never carries them: transcripts stay encrypted, also in the job table. */
interface DeliveryJob {
  subscriptionId: string;
  conversationId: string;
  fromSeq: number;
  toSeq: number;
}

/** Failed deliveries are retried by pg-boss; a bank system that was down gets every message once it is back. */
const DELIVERY_RETRIES = 10;

/**
 * Pushes the messages of API-channel conversations to every active webhook subscription, signed with the
 * subscription's secret (`X-Kefu-Signature`). Delivery is at least once (the `X-Kefu-Delivery` id lets a receiver drop
 * repeats) and happens after commit; should the process die between commit and enqueue, the receiver still gets the
 * messages by reading the conversation from the last seq it has (GET …/messages?afterSeq=).
 */
@Injectable()
export class WebhookDelivery implements MessagesListener, OnModuleInit {
  constructor(
    private readonly jobs: Jobs,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly messages: MessageRepository,
    private readonly transcripts: TranscriptCipher,
    private readonly config: KefuConfig,
    events: ConversationEvents,
  ) {
    events.listen(this);
  }

  onModuleInit(): void {
    this.jobs.work<DeliveryJob>(WEBHOOK_QUEUE, (job, running) => this.deliver(job, running.id));
  }

  async committed(conversation: Conversation, messages: ChatMessage[]): Promise<void> {
    if (conversation.channel !== 'api') return;
    const seqs = messages.map((message) => message.seq);
    const job = { conversationId: conversation.id, fromSeq: Math.min(...seqs), toSeq: Math.max(...seqs) };
    for (const subscriptionId of await this.subscriptions.activeIds()) {
      await this.jobs.send<DeliveryJob>(WEBHOOK_QUEUE, { ...job, subscriptionId }, { retryLimit: DELIVERY_RETRIES });
    }
  }

  private async deliver(job: DeliveryJob, deliveryId: string): Promise<{ status: number } | { skipped: string }> {
    const subscription = await this.subscriptions.withSecret(job.subscriptionId);
    if (!subscription) return { skipped: 'subscription disabled' };
    const stored = await this.messages.range(job.conversationId, job.fromSeq, job.toSeq);
    const messages = await Promise.all(stored.map((message) => this.transcripts.open(message)));
    const body = JSON.stringify({ event: 'messages', deliveryId, conversationId: job.conversationId, messages });
    const response = await fetch(subscription.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWebhook(subscription.secret, body),
        'x-kefu-delivery': deliveryId,
      },
      body,
      signal: AbortSignal.timeout(this.config.conversations.webhookTimeoutMs),
    });
    // Throwing makes pg-boss retry later; the receiver's body is not read (it could be anything).
    if (!response.ok) throw new Error(`webhook receiver answered ${response.status}`);
    return { status: response.status };
  }
}
