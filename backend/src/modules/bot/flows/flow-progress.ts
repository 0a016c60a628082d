import type { Entity } from '@kefu/models';
import type { Language } from '../../nlu/index.ts';
import { botTexts } from '../bot-texts.ts';
import { type Flow, type FlowSlot, type LocalizedText, PLACEHOLDER } from './flow-definition.ts';
import { readSlotAnswer, yesOrNo } from './slot-answer.ts';

export const CONFIRM_STEP = 'confirm';

/** Where a conversation is in its flow: the step awaiting an answer (a slot name or `confirm`) and what it has. */
export interface FlowProgress {
  flowId: string;
  step: string;
  /** The language the flow started in: "1234" has none of its own, and the flow keeps speaking the customer's. */
  language: Language;
  /** Failed answers to the current step so far. */
  retries: number;
  slots: Record<string, string>;
}

/** What the customer's message does to the flow; the engine turns it into messages and state. */
export type FlowStep =
  | { kind: 'ask'; text: string; progress: FlowProgress }
  | { kind: 'execute'; progress: FlowProgress }
  | { kind: 'declined'; text: string }
  | { kind: 'give-up'; text: string };

/** Retries allowed at the confirmation ("please answer yes or no"), which has no slot of its own to configure it. */
const CONFIRM_RETRIES = 2;

export function startFlow(flow: Flow, language: Language): FlowStep {
  const first = flow.definition.slots[0] as FlowSlot;
  return {
    kind: 'ask',
    text: first.prompt[language],
    progress: { flowId: flow.id, step: first.name, language, retries: 0, slots: {} },
  };
}

/** Reads the customer's answer to the current step and moves the flow on (or asks again, or gives up). */
export function continueFlow(
  flow: Flow,
  progress: FlowProgress,
  answer: { text: string; entities: readonly Entity[] },
): FlowStep {
  const { language } = progress;
  const texts = botTexts[language];
  const { slots } = flow.definition;
  if (progress.step === CONFIRM_STEP) {
    const decision = yesOrNo(answer.text);
    if (decision === 'yes') return { kind: 'execute', progress };
    if (decision === 'no')
      return { kind: 'declined', text: renderFlowText(flow, flow.definition.messages.declined, progress) };
    if (progress.retries >= CONFIRM_RETRIES) return { kind: 'give-up', text: texts.flowGiveUp };
    return {
      kind: 'ask',
      text: `${texts.confirmRetry}${renderFlowText(flow, flow.definition.confirmation, progress)}`,
      progress: { ...progress, retries: progress.retries + 1 },
    };
  }
  const index = slots.findIndex((slot) => slot.name === progress.step);
  const slot = slots[index];
  if (!slot) return { kind: 'give-up', text: texts.flowGiveUp };
  const value = readSlotAnswer(slot.validator, answer.text, answer.entities);
  if (value === undefined) {
    if (progress.retries >= slot.maxRetries) return { kind: 'give-up', text: texts.flowGiveUp };
    return {
      kind: 'ask',
      text: slot.retryPrompt?.[language] ?? `${texts.flowRetry}${slot.prompt[language]}`,
      progress: { ...progress, retries: progress.retries + 1 },
    };
  }
  const filled: FlowProgress = { ...progress, retries: 0, slots: { ...progress.slots, [slot.name]: value } };
  const next = slots[index + 1];
  if (next) return { kind: 'ask', text: next.prompt[language], progress: { ...filled, step: next.name } };
  const confirming = { ...filled, step: CONFIRM_STEP };
  return {
    kind: 'ask',
    text: renderFlowText(flow, flow.definition.confirmation, confirming),
    progress: confirming,
  };
}

/** Fills `{slot}` placeholders; a personal slot is shown masked, so the bot never echoes an ID number back. */
export function renderFlowText(flow: Flow, template: LocalizedText, progress: FlowProgress): string {
  return template[progress.language].replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = progress.slots[name];
    if (value === undefined) return placeholder;
    return isPersonal(flow, name) ? maskSlotValue(value) : value;
  });
}

/** The slots as they may be shown to staff and written to readings: personal values masked. */
export function maskedSlots(flow: Flow, progress: FlowProgress): Record<string, string> {
  return Object.fromEntries(
    Object.entries(progress.slots).map(([name, value]) => [
      name,
      isPersonal(flow, name) ? maskSlotValue(value) : value,
    ]),
  );
}

function isPersonal(flow: Flow, name: string): boolean {
  return flow.definition.slots.some((slot) => slot.name === name && slot.personal);
}

/** Keeps the last four characters, like the display masks of cards and ID numbers (JR/T 0171). */
function maskSlotValue(value: string): string {
  return value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}
