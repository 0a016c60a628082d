import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/access/index.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { AgentConversations, type Transcript } from './agent-conversations.service.ts';
import { ConversationRepository } from './conversation.repository.ts';
import { ConversationState } from './conversation.ts';

/** The screen a transcript was read on; stored in the audit record. */
export type TranscriptReadVia = 'agent-console' | 'ticket' | 'quality-review';

/**
 * Transcripts as people read them (masked), with who read which conversation in the audit trail: the first page of a
 * transcript (`afterSeq` 0) is recorded as `conversation.transcript-read` before it is returned — no record, no
 * transcript (503). Not recorded: the agent serving the open conversation right now (their own work, which routing's
 * assignment already shows), and further pages of a transcript once opened (the console pages and reconnects;
 * the first page marks the reading). Callers decide who may read; this only records that they did.
 */
@Injectable()
export class TranscriptReads {
  constructor(
    private readonly conversations: AgentConversations,
    private readonly repository: ConversationRepository,
    private readonly trail: AuditTrail,
  ) {}

  async read(
    reader: Actor,
    conversationId: string,
    page: { afterSeq: number; limit: number },
    via: TranscriptReadVia,
    details: Record<string, string> = {},
  ): Promise<Transcript> {
    const transcript = await this.conversations.readTranscript(conversationId, page.afterSeq, page.limit);
    if (page.afterSeq === 0 && !(await this.servingNow(reader, transcript))) {
      await this.trail.record({
        actor: reader,
        action: AuditAction.ConversationTranscriptRead,
        outcome: AuditOutcome.Success,
        target: { type: 'conversation', id: conversationId },
        details: { via, ...details },
      });
    }
    return transcript;
  }

  private async servingNow(reader: Actor, { conversation }: Transcript): Promise<boolean> {
    if (conversation.state === ConversationState.Closed) return false;
    return (await this.repository.currentAgent(conversation.id)) === reader.id;
  }
}
