import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GuardedStatement } from '../../common/database/guarded-statement.ts';
import { FieldCipher } from '../crypto/index.ts';
import { TRANSCRIPTS_PURPOSE } from '../privacy/index.ts';
import { DialogueStateRepository, type StoredDialogueState } from './dialogue-state.repository.ts';
import type { FlowProgress } from './flows/flow-progress.ts';

/** What the bot remembers of a conversation between two messages. */
export interface DialogueState {
  /** Fallbacks in a row; reset by anything the bot understood. */
  fallbackStreak: number;
  flow?: FlowProgress;
}

/** A state as loaded: `stored` tells whether the conversation has a row yet. */
export interface LoadedDialogueState {
  state: DialogueState;
  stored: boolean;
}

const EMPTY: DialogueState = { fallbackStreak: 0 };

/**
 * Loads and saves dialogue state. Slot values (an ID number while the lost-card flow runs) are encrypted under the
 * month's transcripts key, so retention shreds them with the messages; they are deleted when the flow ends. A
 * conversation with nothing to remember has no row, so the common turn — a question answered — writes nothing.
 */
@Injectable()
export class DialogueStateStore {
  constructor(
    private readonly repository: DialogueStateRepository,
    private readonly cipher: FieldCipher,
  ) {}

  /** The state of a conversation that has none stored yet. */
  nothingYet(): LoadedDialogueState {
    return { state: EMPTY, stored: false };
  }

  async load(conversationId: string, manager?: EntityManager): Promise<LoadedDialogueState> {
    const row = await this.repository.find(conversationId, manager);
    if (!row) return this.nothingYet();
    const flow =
      row.flowId && row.flowStep && row.flowLanguage
        ? {
            flowId: row.flowId,
            step: row.flowStep,
            language: row.flowLanguage,
            retries: row.flowRetries,
            slots: row.flowSlots ? await this.openSlots(conversationId, row.flowSlots) : {},
          }
        : undefined;
    return { state: { fallbackStreak: row.fallbackStreak, flow }, stored: true };
  }

  /** Writes `state` unless it is what was loaded (or empty with no row yet): most turns change nothing. */
  async save(
    conversationId: string,
    before: LoadedDialogueState,
    state: DialogueState,
    manager?: EntityManager,
  ): Promise<void> {
    const row = await this.changedRow(conversationId, before, state);
    if (row) await this.repository.save(row, manager);
  }

  /**
   * `save` as a part of `statement`: written only when the statement's guard passes. Returns the state as a later
   * `load` would find it then, for a caller that keeps it until the conversation's next message.
   */
  async saveIn(
    statement: GuardedStatement,
    conversationId: string,
    before: LoadedDialogueState,
    state: DialogueState,
  ): Promise<LoadedDialogueState> {
    const row = await this.changedRow(conversationId, before, state);
    if (row) this.repository.saveIn(statement, row);
    return { state, stored: before.stored || row !== undefined };
  }

  private async changedRow(
    conversationId: string,
    before: LoadedDialogueState,
    state: DialogueState,
  ): Promise<StoredDialogueState | undefined> {
    if (JSON.stringify(state) === JSON.stringify(before.stored ? before.state : EMPTY)) return undefined;
    const { flow } = state;
    const hasSlots = flow !== undefined && Object.keys(flow.slots).length > 0;
    return {
      conversationId,
      fallbackStreak: state.fallbackStreak,
      flowId: flow?.flowId ?? null,
      flowStep: flow?.step ?? null,
      flowLanguage: flow?.language ?? null,
      flowRetries: flow?.retries ?? 0,
      flowSlots: hasSlots
        ? await this.cipher.encrypt(JSON.stringify(flow.slots), {
            purpose: TRANSCRIPTS_PURPOSE,
            period: new Date().toISOString().slice(0, 7),
            context: contextOf(conversationId),
          })
        : null,
    };
  }

  private async openSlots(conversationId: string, sealed: Buffer): Promise<Record<string, string>> {
    return JSON.parse(await this.cipher.decryptText(sealed, contextOf(conversationId))) as Record<string, string>;
  }
}

function contextOf(conversationId: string): string {
  return `bot_dialogue_states.flow_slots:${conversationId}`;
}
