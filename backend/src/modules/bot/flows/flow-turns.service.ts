import type { Entity } from '@kefu/models';
import { Injectable } from '@nestjs/common';
import type { Language } from '../../nlu/index.ts';
import { botTexts } from '../bot-texts.ts';
import type { BotMessage, BotReading, HandoffReason } from '../bot-turn.ts';
import { BankEndpointClient } from './bank-endpoint.client.ts';
import { FlowCatalog } from './flow-catalog.service.ts';
import type { Flow } from './flow-definition.ts';
import {
  continueFlow,
  type FlowProgress,
  type FlowStep,
  maskedSlots,
  renderFlowText,
  startFlow,
} from './flow-progress.ts';

/** One turn of a flow: what the bot says, where the flow stands afterwards (absent: it ended), and any handoff. */
export interface FlowTurn {
  messages: BotMessage[];
  progress?: FlowProgress;
  /** The flow as a reading shows it, slot values masked where personal. */
  reading?: BotReading['flow'];
  handoff?: HandoffReason;
}

/** The customer's answer to the step a flow is at. */
export interface FlowAnswer {
  text: string;
  entities: readonly Entity[];
}

/** Runs flows: starts them, feeds them the customer's answers, and makes the confirmed call to the bank. */
@Injectable()
export class FlowTurns {
  constructor(
    private readonly catalog: FlowCatalog,
    private readonly endpoints: BankEndpointClient,
  ) {}

  async start(flowId: string, language: Language): Promise<FlowTurn> {
    const flow = await this.catalog.byId(flowId);
    return flow ? this.apply(flow, startFlow(flow, language)) : this.giveUp(language);
  }

  async continue(progress: FlowProgress, answer: FlowAnswer): Promise<FlowTurn> {
    // A flow deleted while a customer was in it cannot go on; a person can.
    const flow = await this.catalog.byId(progress.flowId);
    if (!flow) return this.giveUp(progress.language);
    const turn = await this.apply(flow, continueFlow(flow, progress, answer));
    // A person taking over sees where the flow stopped and what the customer had given (masked).
    return turn.handoff ? { ...turn, reading: readingOf(flow, progress) } : turn;
  }

  /**
   * Whether starting or continuing the flow would reach its bank call: such a turn must run once, under the
   * conversation's lock. Steps are pure functions of the flow and the answer, so this predicts what `start` and
   * `continue` will do.
   */
  async reachesBank(
    turn: { flowId: string; language: Language } | { progress: FlowProgress; answer: FlowAnswer },
  ): Promise<boolean> {
    if ('flowId' in turn) {
      const flow = await this.catalog.byId(turn.flowId);
      return flow !== undefined && startFlow(flow, turn.language).kind === 'execute';
    }
    const flow = await this.catalog.byId(turn.progress.flowId);
    return flow !== undefined && continueFlow(flow, turn.progress, turn.answer).kind === 'execute';
  }

  cancel(language: Language): FlowTurn {
    return { messages: [{ kind: 'flow', text: botTexts[language].flowCancelled }] };
  }

  private async apply(flow: Flow, step: FlowStep): Promise<FlowTurn> {
    switch (step.kind) {
      case 'ask':
        return {
          messages: [{ kind: 'flow', text: step.text }],
          progress: step.progress,
          reading: readingOf(flow, step.progress),
        };
      case 'declined':
        return { messages: [{ kind: 'flow', text: step.text }] };
      case 'give-up':
        return { messages: [{ kind: 'handoff', text: step.text }], handoff: 'flow' };
      case 'execute':
        return this.execute(flow, step.progress);
      default: {
        const unhandled: never = step;
        throw new Error(`unknown flow step ${JSON.stringify(unhandled)}`);
      }
    }
  }

  /** The slot values go to the bank and nowhere else; the flow ends either way, so they are not kept. */
  private async execute(flow: Flow, progress: FlowProgress): Promise<FlowTurn> {
    const outcome = await this.endpoints.call(flow.definition.action, progress.slots);
    const text = renderFlowText(flow, flow.definition.messages[outcome], progress);
    return outcome === 'success'
      ? { messages: [{ kind: 'flow', text }] }
      : { messages: [{ kind: 'handoff', text }], handoff: 'flow' };
  }

  private giveUp(language: Language): FlowTurn {
    return { messages: [{ kind: 'handoff', text: botTexts[language].flowGiveUp }], handoff: 'flow' };
  }
}

function readingOf(flow: Flow, progress: FlowProgress): BotReading['flow'] {
  return { id: flow.id, step: progress.step, slots: maskedSlots(flow, progress) };
}
