import type { PublishedEntry } from '../knowledge/index.ts';
import type { Understanding } from '../nlu/index.ts';
import type { DecisionKind, HandoffReason } from './bot-turn.ts';
import { isCancelRequest, isHandoffRequest } from './customer-commands.ts';
import type { DialogueState } from './dialogue-state.store.ts';
import type { FlowProgress } from './flows/flow-progress.ts';

export interface PolicySettings {
  answerConfidence: number;
  clarifyConfidence: number;
  angerConfidence: number;
  fallbacksBeforeHandoff: number;
  /** Knowledge items that mean "let me talk to a person". */
  handoffLabels: readonly string[];
}

export interface PolicyInput {
  text: string;
  understanding: Understanding;
  state: DialogueState;
  /** The published entries among the NLU candidates, by id (absent: unknown, unpublished or not yet effective). */
  entries: ReadonlyMap<string, PublishedEntry>;
  /** The id of the enabled flow the best candidate starts, if any. */
  flowOfBest?: string;
}

/** Each kind is one of the contract's DecisionKind (the intersection leaves a kind outside it impossible to build). */
export type Decision = (
  | { kind: 'handoff'; reason: HandoffReason }
  | { kind: 'cancel-flow' }
  | { kind: 'continue-flow'; progress: FlowProgress }
  | { kind: 'start-flow'; flowId: string }
  | { kind: 'answer'; entry: PublishedEntry }
  | { kind: 'clarify'; candidates: PublishedEntry[] }
  | { kind: 'fallback' }
) & { kind: DecisionKind };

/** Suggestions offered when the bot is unsure ("您是不是想问…"): the three best is what fits on a phone screen. */
const MAX_SUGGESTIONS = 3;

/**
 * The dialogue policy for one customer message, in order: an explicit request for a person; anger; a running flow
 * (which the customer may cancel); then the NLU reading — confident (answer, chit-chat, or start a flow), ambiguous
 * (offer the top candidates), or not understood (fall back; a person after repeated fallbacks). Pure: everything it
 * needs is looked up before, so it is tested exhaustively without a database.
 */
export function decide(input: PolicyInput, settings: PolicySettings): Decision {
  const { understanding, state } = input;
  if (isHandoffRequest(input.text)) return { kind: 'handoff', reason: 'asked' };
  const { sentiment } = understanding;
  if (sentiment?.label === 'anger' && sentiment.confidence >= settings.angerConfidence)
    return { kind: 'handoff', reason: 'anger' };
  if (state.flow)
    return isCancelRequest(input.text) ? { kind: 'cancel-flow' } : { kind: 'continue-flow', progress: state.flow };

  // An out-of-scope reading falls back whatever its confidence: on the held-out data such questions (weather,
  // recipes) were off-topic, and offering banking items for them only adds a round trip (docs/bot.md).
  if (!understanding.oos && understanding.confidence >= settings.answerConfidence) {
    const best = understanding.intent;
    if (settings.handoffLabels.includes(best)) return { kind: 'handoff', reason: 'asked' };
    if (input.flowOfBest) return { kind: 'start-flow', flowId: input.flowOfBest };
    const entry = input.entries.get(best);
    // An intent without a flow has no answer text of its own: nothing to say, so it counts as not understood.
    if (entry?.answer) return { kind: 'answer', entry };
  } else if (!understanding.oos && understanding.confidence >= settings.clarifyConfidence) {
    const candidates = understanding.topK
      .map((candidate) => input.entries.get(candidate.intent))
      .filter((entry): entry is PublishedEntry => entry !== undefined && isSuggestible(entry, settings))
      .slice(0, MAX_SUGGESTIONS);
    if (candidates.length > 0) return { kind: 'clarify', candidates };
  }
  return state.fallbackStreak + 1 >= settings.fallbacksBeforeHandoff
    ? { kind: 'handoff', reason: 'repeated-fallback' }
    : { kind: 'fallback' };
}

/** Small talk and "talk to a person" are not questions to offer back to the customer. */
function isSuggestible(entry: PublishedEntry, settings: PolicySettings): boolean {
  return entry.kind !== 'chitchat' && !settings.handoffLabels.includes(entry.id);
}
