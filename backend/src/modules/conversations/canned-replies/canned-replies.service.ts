import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/access/index.ts';
import { type CannedReply, CannedReplyRepository } from './canned-reply.repository.ts';
import { CannedReplyNotFoundError } from './canned-reply-not-found.error.ts';

export interface CannedReplyDraft {
  title: string;
  body: string;
  groupId: string | null;
}

/**
 * Canned replies kept by supervisors, read by everyone who answers customers. The body is stored with its
 * `{variables}` as written: the console fills them in when an agent inserts one, where the values are known.
 */
@Injectable()
export class CannedReplies {
  constructor(private readonly replies: CannedReplyRepository) {}

  list(groupId?: string): Promise<CannedReply[]> {
    return this.replies.list(groupId);
  }

  create(supervisor: Actor, draft: CannedReplyDraft): Promise<CannedReply> {
    return this.replies.insert({ id: randomUUID(), ...draft, createdBy: supervisor.id });
  }

  async update(supervisor: Actor, id: string, draft: CannedReplyDraft): Promise<CannedReply> {
    const updated = await this.replies.update(id, { ...draft, updatedBy: supervisor.id });
    if (!updated) throw new CannedReplyNotFoundError(id);
    return updated;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.replies.delete(id))) throw new CannedReplyNotFoundError(id);
  }
}
