import type { Language } from '../nlu/index.ts';

/** The contract between the dialogue policy and the conversation store / channels that call it. */
export type Channel = 'web' | 'api';

export interface BotTurn {
  conversationId: string;
  /** The customer's message as typed; a click on a suggestion arrives as its question text, like typed input. */
  text: string;
  channel: Channel;
  /** Detected from the text when absent. */
  language?: Language;
  visitor: { id: string; verified: boolean };
}

export type BotMessageKind = 'answer' | 'clarify' | 'flow' | 'chitchat' | 'fallback' | 'handoff';

export interface BotMessage {
  kind: BotMessageKind;
  text: string;
  /** The knowledge item answered (answers and chit-chat). */
  itemId?: string;
  /** Clarification: the candidate items, each to be offered as a button that sends its question. */
  suggestions?: { id: string; question: string }[];
  links?: { title: string; url: string }[];
}

export interface BotReading {
  language: Language;
  intent: string;
  confidence: number;
  topK: { intent: string; confidence: number }[];
  oos: boolean;
  sentiment?: { label: string; confidence: number };
  /** Entities as NLU found them, identifiers masked. */
  entities: unknown[];
  /** The flow running after this turn, slot values masked where personal. */
  flow?: { id: string; step: string; slots: Record<string, string> };
}

export type HandoffReason = 'asked' | 'repeated-fallback' | 'anger' | 'flow';

/** What the dialogue policy decided for a message (see `Decision` in dialogue-policy.ts). */
export type DecisionKind =
  | 'handoff'
  | 'cancel-flow'
  | 'continue-flow'
  | 'start-flow'
  | 'answer'
  | 'clarify'
  | 'fallback';

export interface BotReply {
  decision: DecisionKind;
  messages: BotMessage[];
  reading: BotReading;
  /** Set when the conversation should go to a human; the reading travels with it. */
  handoff?: { reason: HandoffReason };
}
