import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AgentConversations, type ChatMessage, ConversationState } from '../conversations/index.ts';
import { NluService } from '../nlu/index.ts';
import type { InspectionRule } from './inspection/inspection-rule.ts';
import { scoreTranscript } from './inspection/scorecard.ts';
import type { InspectedMessage, InspectedTranscript, Sentiment } from './inspection/transcript.ts';
import { ConversationNotClosedError, ScorecardNotFoundError } from './quality.errors.ts';
import { QualityRepository, type StoredScore, type StoredScorecard } from './quality.repository.ts';
import { QualityReviews } from './quality-reviews.service.ts';

/** Transcripts are read in pages of this many messages. */
const PAGE = 500;
const sentiments: readonly string[] = ['negative', 'neutral', 'positive', 'anger'];

/**
 * Scores a closed conversation against a scorecard: reads the transcript (decrypted by the conversations module), the
 * customer's sentiment per message (the NLU sentiment model), applies the rules and stores the total with the rules
 * as they were, so the same total can be recomputed when the score is reviewed or appealed.
 */
@Injectable()
export class QualityScoring {
  constructor(
    private readonly repository: QualityRepository,
    private readonly conversations: AgentConversations,
    private readonly nlu: NluService,
    private readonly reviews: QualityReviews,
  ) {}

  /** With the default scorecard when none is named; undefined when there is no default scorecard. */
  async score(manager: EntityManager, conversationId: string, scorecardId?: string): Promise<StoredScore | undefined> {
    const scorecard = scorecardId
      ? await this.repository.scorecard(scorecardId, manager)
      : await this.repository.defaultScorecard(manager);
    if (!scorecard) {
      if (scorecardId) throw new ScorecardNotFoundError(scorecardId);
      return undefined;
    }
    const transcript = await this.transcript(conversationId);
    const rules = await this.rulesOf(manager, scorecard);
    const result = scoreTranscript(transcript, scorecard, new Map(rules.map((rule) => [rule.id, rule])));
    const score = {
      conversationId,
      scorecardId: scorecard.id,
      scorecardVersion: scorecard.version,
      rules,
      agentIds: await this.conversations.agentsOf(conversationId),
      ...result,
    };
    await this.repository.saveScore(manager, score);
    await this.reviews.queueIfDue(manager, score, scorecard);
    return { ...score, scoredAt: new Date() };
  }

  private async rulesOf(manager: EntityManager, scorecard: StoredScorecard): Promise<InspectionRule[]> {
    const all = new Map((await this.repository.rules(manager)).map((rule) => [rule.id, rule]));
    return scorecard.items.flatMap(({ ruleId }) => {
      const rule = all.get(ruleId);
      return rule ? [{ id: rule.id, name: rule.name, spec: rule.spec }] : [];
    });
  }

  private async transcript(conversationId: string): Promise<InspectedTranscript> {
    const messages: InspectedMessage[] = [];
    for (let after = 0; ; ) {
      // In full: the personal-data rule must see what an agent typed; findings show it masked.
      const page = await this.conversations.readTranscript(conversationId, after, PAGE, 'full');
      if (page.conversation.state !== ConversationState.Closed) throw new ConversationNotClosedError(conversationId);
      // All at once: the NLU runs the page's customer messages as batches.
      messages.push(...(await Promise.all(page.messages.map((message) => this.inspected(message)))));
      if (page.messages.length < PAGE) break;
      after = (page.messages[page.messages.length - 1] as ChatMessage).seq;
    }
    return { conversationId, messages };
  }

  private async inspected(message: ChatMessage): Promise<InspectedMessage> {
    const inspected: InspectedMessage = {
      seq: message.seq,
      sender: message.sender,
      text: message.text,
      sentAt: message.createdAt,
    };
    if (message.sender === 'bot') inspected.kind = message.kind;
    if (message.sender === 'visitor') {
      const label = (await this.nlu.sentiment(message.text))?.label;
      if (label && sentiments.includes(label)) inspected.sentiment = label as Sentiment;
    }
    return inspected;
  }
}
