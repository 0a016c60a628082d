import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/access/index.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../../audit/index.ts';
import { FieldCipher } from '../../crypto/index.ts';
import { WebhookNotFoundError } from './webhook-not-found.error.ts';
import { type StoredWebhookSubscription, WebhookSubscriptionRepository } from './webhook-subscription.repository.ts';

export interface WebhookSubscription {
  id: string;
  url: string;
  description: string;
  createdBy: string;
  createdAt: string;
  active: boolean;
}

const SECRET_PURPOSE = 'webhook-secrets';

/**
 * Where Kefu tells a bank's systems about new messages in API conversations. The secret that signs deliveries is
 * generated here, shown once at creation and kept encrypted; creating or disabling a subscription is a
 * configuration change and audited as one.
 */
@Injectable()
export class WebhookSubscriptions {
  constructor(
    private readonly repository: WebhookSubscriptionRepository,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditTrail,
  ) {}

  async create(
    actor: Actor,
    request: { url: string; description: string },
  ): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const secretCiphertext = await this.cipher.encrypt(secret, { purpose: SECRET_PURPOSE, context: contextOf(id) });
    const stored = await this.audit.runAudited(
      {
        actor,
        action: AuditAction.ConfigChange,
        outcome: AuditOutcome.Success,
        target: { type: 'webhook-subscription', id },
        details: { operation: 'create', url: request.url },
      },
      (manager) => this.repository.insert(manager, { id, ...request, secretCiphertext, createdBy: actor.id }),
    );
    return { subscription: toSubscription(stored), secret };
  }

  async list(): Promise<WebhookSubscription[]> {
    return (await this.repository.all()).map(toSubscription);
  }

  async disable(actor: Actor, id: string): Promise<void> {
    await this.audit.runAudited(
      {
        actor,
        action: AuditAction.ConfigChange,
        outcome: AuditOutcome.Success,
        target: { type: 'webhook-subscription', id },
        details: { operation: 'disable' },
      },
      // Unknown or already disabled: the error rolls the transaction back, so nothing is recorded for a no-op.
      async (manager) => {
        if (!(await this.repository.disable(manager, id))) throw new WebhookNotFoundError(id);
      },
    );
  }

  /** Active subscriptions with their secrets in clear, for delivery only. */
  async withSecret(id: string): Promise<{ url: string; secret: string } | undefined> {
    const stored = await this.repository.byId(id);
    if (!stored || stored.disabledAt) return undefined;
    return { url: stored.url, secret: await this.cipher.decryptText(stored.secretCiphertext, contextOf(id)) };
  }

  async activeIds(): Promise<string[]> {
    return (await this.repository.active()).map((subscription) => subscription.id);
  }
}

function contextOf(id: string): string {
  return `webhook_subscriptions.secret:${id}`;
}

function toSubscription(stored: StoredWebhookSubscription): WebhookSubscription {
  return {
    id: stored.id,
    url: stored.url,
    description: stored.description,
    createdBy: stored.createdBy,
    createdAt: stored.createdAt.toISOString(),
    active: stored.disabledAt === null,
  };
}
