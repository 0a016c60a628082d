import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/access/index.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../../audit/index.ts';
import { type CannedReply, CannedReplyRepository } from './canned-reply.repository.ts';
import { CannedReplyNotFoundError } from './canned-reply-not-found.error.ts';

export interface CannedReplyDraft {
  title: string;
  body: string;
  groupId: string | null;
}

/**
 * Canned replies kept by supervisors, read by everyone who answers customers. The body is stored with its
 * `{variables}` as written: the console fills them in when an agent inserts one, where the values are known. What
 * agents say to customers is configuration a bank answers for, so every change is audited in its own transaction
 * (fail-closed: no record, no change).
 */
@Injectable()
export class CannedReplies {
  constructor(
    private readonly replies: CannedReplyRepository,
    private readonly audit: AuditTrail,
  ) {}

  list(groupId?: string): Promise<CannedReply[]> {
    return this.replies.list(groupId);
  }

  create(supervisor: Actor, draft: CannedReplyDraft): Promise<CannedReply> {
    const id = randomUUID();
    return this.audit.runAudited(this.entry(supervisor, id, 'create'), (manager) =>
      this.replies.insert(manager, { id, ...draft, createdBy: supervisor.id }),
    );
  }

  update(supervisor: Actor, id: string, draft: CannedReplyDraft): Promise<CannedReply> {
    return this.audit.runAudited(this.entry(supervisor, id, 'update'), async (manager) => {
      const updated = await this.replies.update(manager, id, { ...draft, updatedBy: supervisor.id });
      if (!updated) throw new CannedReplyNotFoundError(id);
      return updated;
    });
  }

  delete(supervisor: Actor, id: string): Promise<void> {
    return this.audit.runAudited(this.entry(supervisor, id, 'delete'), async (manager) => {
      if (!(await this.replies.delete(manager, id))) throw new CannedReplyNotFoundError(id);
    });
  }

  private entry(actor: Actor, id: string, change: 'create' | 'update' | 'delete') {
    return {
      actor,
      action: AuditAction.ConfigChange,
      outcome: AuditOutcome.Success,
      target: { type: 'canned-reply', id },
      details: { change },
    };
  }
}
