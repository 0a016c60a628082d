import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import type { GuardedStatement } from '../../common/database/guarded-statement.ts';
import { KnowledgeBase, type PublishedEntry } from '../knowledge/index.ts';
import { type Language, NluService, type Understanding } from '../nlu/index.ts';
import { MetricsRegistry } from '../observability/index.ts';
import { maskEntityValue, maskPersonalDataInText } from '../privacy/index.ts';
import { botTexts } from './bot-texts.ts';
import type { BotMessage, BotReading, BotReply, BotTurn, Channel } from './bot-turn.ts';
import { type Decision, decide, type PolicySettings } from './dialogue-policy.ts';
import { type DialogueState, DialogueStateStore, type LoadedDialogueState } from './dialogue-state.store.ts';
import { FlowCatalog } from './flows/flow-catalog.service.ts';
import { type FlowTurn, FlowTurns } from './flows/flow-turns.service.ts';
import {
  type UnansweredQuestion,
  UnansweredQuestionRepository,
  type UnansweredReason,
} from './unanswered/unanswered-question.repository.ts';

/** What the bot knows of a conversation after a turn; opaque to callers, who may hand it back for the next turn. */
export type DialogueMemory = LoadedDialogueState;

/** What a decision comes to: the bot's messages and what to remember. */
interface Outcome extends FlowTurn {
  state: DialogueState;
  unanswered?: UnansweredReason;
}

/**
 * Decides the bot's reply to each customer message: NLU (which normalises) → dialogue policy → answer, clarify,
 * flow, chit-chat, fallback or handoff. A turn costs one NLU call, in-memory knowledge and flow lookups, and at most
 * a read and a write of the conversation's dialogue state (plus one insert when the question goes unanswered).
 */
@Injectable()
export class BotEngine {
  private readonly settings: PolicySettings;
  private readonly replies: Counter<'decision' | 'handoff'>;

  constructor(
    private readonly nlu: NluService,
    private readonly knowledge: KnowledgeBase,
    private readonly flows: FlowCatalog,
    private readonly flowTurns: FlowTurns,
    private readonly states: DialogueStateStore,
    private readonly unanswered: UnansweredQuestionRepository,
    config: KefuConfig,
    metrics: MetricsRegistry,
  ) {
    this.settings = config.bot;
    this.replies = new Counter({
      name: 'kefu_bot_replies_total',
      help: 'Bot replies by policy decision, and by handoff reason when the conversation went to a person',
      labelNames: ['decision', 'handoff'],
      registers: [metrics.registry],
    });
  }

  /** Decides the bot's reply to one customer message. Pass the caller's transaction manager so the dialogue state commits with the message. */
  async respond(turn: BotTurn, manager?: EntityManager): Promise<BotReply> {
    const loaded = await this.states.load(turn.conversationId, manager);
    const { understanding, decision } = await this.decideOn(turn, loaded.state);
    const outcome = await this.carryOut(decision, turn.text, understanding, loaded.state);
    await this.states.save(turn.conversationId, loaded, outcome.state, manager);
    if (outcome.unanswered) {
      await this.unanswered.insert(unansweredOf(turn, understanding, outcome.unanswered), manager);
    }
    return this.replyOf(decision, understanding, outcome);
  }

  /**
   * The reply to a message whose conversation the caller has not locked, with the bot's writes added to `statement`
   * (the caller's guarded write of the turn, which fails as a whole if another write got in first; a handoff's
   * routing entry goes in there too, added by the caller). Undefined when the turn acts outside the database — a flow
   * step that calls the bank — which must happen exactly once, under the conversation's lock: then the caller uses
   * `respond`.
   *
   * `remembered` is the `memory` of this conversation's previous turn, if the caller kept it: it saves reading the
   * dialogue state, and is only as good as the caller's guard, which must fail if any other turn came in between.
   */
  async respondIn(
    turn: BotTurn,
    statement: GuardedStatement,
    remembered?: DialogueMemory,
  ): Promise<{ reply: BotReply; memory?: DialogueMemory } | undefined> {
    const loaded = remembered ?? (await this.states.load(turn.conversationId));
    const { understanding, decision } = await this.decideOn(turn, loaded.state);
    if (await this.needsLock(decision, turn.text, understanding)) return undefined;
    const outcome = await this.carryOut(decision, turn.text, understanding, loaded.state);
    const memory = await this.states.saveIn(statement, turn.conversationId, loaded, outcome.state);
    if (outcome.unanswered) this.unanswered.insertIn(statement, unansweredOf(turn, understanding, outcome.unanswered));
    // Slot values (an ID number) are not kept in memory between messages: the next turn reads them, encrypted.
    return { reply: this.replyOf(decision, understanding, outcome), memory: memory.state.flow ? undefined : memory };
  }

  /** Whether carrying out `decision` acts outside the database: a flow step may call the bank. */
  private async needsLock(decision: Decision, text: string, understanding: Understanding): Promise<boolean> {
    switch (decision.kind) {
      case 'start-flow':
        return this.flowTurns.reachesBank({ flowId: decision.flowId, language: understanding.language });
      case 'continue-flow':
        return this.flowTurns.reachesBank({
          progress: decision.progress,
          answer: { text, entities: understanding.entities },
        });
      default:
        return false;
    }
  }

  private async decideOn(
    turn: BotTurn,
    state: DialogueState,
  ): Promise<{ understanding: Understanding; decision: Decision }> {
    // Inside a flow, answers such as "1234" carry no language of their own: the flow's is the conversation's.
    const understanding = await this.nlu.understand(turn.text, turn.language ?? state.flow?.language);
    const candidates = [...new Set([understanding.intent, ...understanding.topK.map((each) => each.intent)])];
    const [entries, flowOfBest] = await Promise.all([
      this.knowledge.findMany(candidates, turn.channel),
      this.flows.byTrigger(understanding.intent),
    ]);
    const decision = decide(
      {
        text: turn.text,
        understanding,
        state,
        entries: new Map(entries.map((entry) => [entry.id, entry])),
        flowOfBest: flowOfBest?.id,
      },
      this.settings,
    );
    return { understanding, decision };
  }

  /**
   * Counts a reply in `kefu_bot_replies_total`. The caller calls it once the turn is stored: a turn that lost a race
   * and was decided again must count once.
   */
  countReply(reply: BotReply): void {
    this.replies.inc({ decision: reply.decision, handoff: reply.handoff?.reason ?? '' });
  }

  private replyOf(decision: Decision, understanding: Understanding, outcome: Outcome): BotReply {
    return {
      decision: decision.kind,
      messages: outcome.messages,
      reading: readingOf(understanding, outcome.reading),
      handoff: outcome.handoff ? { reason: outcome.handoff } : undefined,
    };
  }

  /** The memory of a conversation the bot has not heard from yet (see `respondIn`). */
  newConversationMemory(): DialogueMemory {
    return this.states.nothingYet();
  }

  /** Greeting for a new conversation, in its language; the web widget also says how to reach a person. */
  greeting(language: Language, channel: Channel): BotMessage {
    const texts = botTexts[language];
    return { kind: 'chitchat', text: channel === 'web' ? `${texts.greeting}${texts.greetingHint}` : texts.greeting };
  }

  private async carryOut(
    decision: Decision,
    text: string,
    understanding: Understanding,
    state: DialogueState,
  ): Promise<Outcome> {
    const { language } = understanding;
    const texts = botTexts[language];
    const understood = { fallbackStreak: 0 };
    switch (decision.kind) {
      case 'handoff':
        return {
          messages: [{ kind: 'handoff', text: texts.handoff }],
          handoff: decision.reason,
          state: understood,
          unanswered: decision.reason === 'repeated-fallback' ? 'fallback' : undefined,
        };
      case 'cancel-flow':
        return { ...this.flowTurns.cancel(language), state: understood };
      case 'continue-flow':
        return this.flowOutcome(
          await this.flowTurns.continue(decision.progress, { text, entities: understanding.entities }),
        );
      case 'start-flow':
        return this.flowOutcome(await this.flowTurns.start(decision.flowId, language));
      case 'answer':
        return { messages: [answerOf(decision.entry)], state: understood };
      case 'clarify':
        return {
          messages: [
            {
              kind: 'clarify',
              text: texts.clarify,
              suggestions: decision.candidates.map((entry) => ({ id: entry.id, question: entry.question })),
            },
          ],
          state: understood,
          unanswered: 'low-confidence',
        };
      case 'fallback':
        return {
          messages: [{ kind: 'fallback', text: texts.fallback }],
          state: { fallbackStreak: state.fallbackStreak + 1 },
          unanswered: 'fallback',
        };
      default: {
        const unhandled: never = decision;
        throw new Error(`unknown decision ${JSON.stringify(unhandled)}`);
      }
    }
  }

  private flowOutcome(turn: FlowTurn): Outcome {
    return { ...turn, state: { fallbackStreak: 0, flow: turn.progress } };
  }
}

function unansweredOf(turn: BotTurn, understanding: Understanding, reason: UnansweredReason): UnansweredQuestion {
  return {
    conversationId: turn.conversationId,
    language: understanding.language,
    channel: turn.channel,
    reason,
    maskedText: maskPersonalDataInText(turn.text),
    bestLabel: understanding.intent,
    confidence: understanding.confidence,
  };
}

function answerOf(entry: PublishedEntry): BotMessage {
  return {
    kind: entry.kind === 'chitchat' ? 'chitchat' : 'answer',
    text: entry.answer ?? '',
    itemId: entry.id,
    links: entry.links.length > 0 ? entry.links : undefined,
  };
}

/** The reading that travels with the reply (and with a handoff): identifiers among the entities masked. */
function readingOf(understanding: Understanding, flow: BotReading['flow']): BotReading {
  return {
    language: understanding.language,
    intent: understanding.intent,
    confidence: understanding.confidence,
    topK: understanding.topK,
    oos: understanding.oos,
    sentiment: understanding.sentiment,
    entities: understanding.entities.map((entity) => ({
      type: entity.type,
      start: entity.start,
      end: entity.end,
      value: maskEntityValue(entity.type, entity.value),
      currency: entity.currency,
    })),
    flow,
  };
}
