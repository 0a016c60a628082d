import { Injectable } from '@nestjs/common';
import { type Actor, Permission, permissionsOf } from '../../common/access/index.ts';
import { AgentConversations, type ChatMessage } from '../conversations/index.ts';
import { KnowledgeBase } from '../knowledge/index.ts';
import { NluService } from '../nlu/index.ts';
import { NotServingConversationError } from './assist.errors.ts';

export interface AssistSuggestion {
  itemId: string;
  question: string;
  answer: string;
  confidence: number;
}

export interface AgentAssistance {
  conversationId: string;
  basedOnSeq: number | null;
  suggestions: AssistSuggestion[];
  sentiment: { label: string; confidence: number } | null;
}

const SUGGESTIONS = 3;
/** How far back one read of the transcript looks for the customer's last message. */
const PAGE = 50;

/**
 * Agent assist: the published FAQ answers most likely to answer the customer's last message (the FAQ model's top
 * candidates, looked up in the current knowledge release for the conversation's channel) and the customer's mood in
 * it. Computed on request and never stored: the transcript stays the only record of what was said.
 */
@Injectable()
export class AgentAssist {
  constructor(
    private readonly conversations: AgentConversations,
    private readonly nlu: NluService,
    private readonly knowledge: KnowledgeBase,
  ) {}

  async suggest(staff: Actor, conversationId: string): Promise<AgentAssistance> {
    const conversation = await this.conversations.readable(staff, conversationId);
    await this.assertServing(staff, conversationId);
    const last = await this.lastCustomerMessage(conversationId, conversation.lastSeq);
    if (!last) return { conversationId, basedOnSeq: null, suggestions: [], sentiment: null };

    const understanding = await this.nlu.understand(last.text, conversation.language);
    const ranked = [{ intent: understanding.intent, confidence: understanding.confidence }, ...understanding.topK];
    const confidence = new Map<string, number>();
    for (const candidate of ranked) {
      if (!confidence.has(candidate.intent)) confidence.set(candidate.intent, candidate.confidence);
    }
    const entries = await this.knowledge.findMany([...confidence.keys()], conversation.channel);
    const suggestions = entries
      .filter((entry) => entry.kind === 'faq' && entry.answer !== null)
      .slice(0, SUGGESTIONS)
      .map((entry) => ({
        itemId: entry.id,
        question: entry.question,
        answer: entry.answer ?? '',
        confidence: confidence.get(entry.id) ?? 0,
      }));
    return { conversationId, basedOnSeq: last.seq, suggestions, sentiment: understanding.sentiment ?? null };
  }

  /** A supervisor may look at any conversation; an agent only at the one they serve now (not one they passed on). */
  private async assertServing(staff: Actor, conversationId: string): Promise<void> {
    if (permissionsOf(staff.roles).has(Permission.ConversationsSupervise)) return;
    if ((await this.conversations.currentAgent(conversationId)) !== staff.id)
      throw new NotServingConversationError(conversationId);
  }

  /** The newest message the customer typed, reading the transcript backwards a page at a time. */
  private async lastCustomerMessage(conversationId: string, lastSeq: number): Promise<ChatMessage | undefined> {
    for (let end = lastSeq; end > 0; end -= PAGE) {
      const after = Math.max(0, end - PAGE);
      const { messages } = await this.conversations.readTranscript(conversationId, after, end - after);
      const found = messages.findLast((message) => message.sender === 'visitor' && message.kind === 'text');
      if (found) return found;
    }
    return undefined;
  }
}
