import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PollLoop, type PollOutcome } from '../../common/scheduling/poll-loop.ts';
import { type Conversation, ConversationLifecycle, type ConversationObserver } from '../conversations/index.ts';
import { QualityRepository } from './quality.repository.ts';
import { QualityScoring } from './quality-scoring.service.ts';

/** How often an idle replica looks for closed conversations to score. */
const POLL_MS = 2_000;
/**
 * Share of the time a backlog of closed conversations may take: scoring runs on the event loop that answers customers,
 * and a burst of closes (a busy hour, a queue overflowing into tickets) scored flat out doubled the p99 of bot turns in
 * bench:chat (p99 at 500 turns/s 27-77 ms, 12-29 ms paced). A score minutes late harms nobody, and at a few ms per
 * conversation a replica still scores dozens a second.
 */
const BACKLOG_SHARE = 0.2;

/**
 * Scores every closed conversation with the default scorecard, automatically. A close enqueues the conversation in
 * its own transaction (`quality_pending`); every replica works the queue, one conversation per transaction, so a
 * score and the removal from the queue commit together and a crash scores nothing twice and nothing never. A
 * conversation whose scoring fails (its transcript unreadable, the NLU down) goes to the back of the queue.
 */
@Injectable()
export class QualityInspector implements ConversationObserver, OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('QualityInspector');
  private readonly loop = new PollLoop(() => this.scoreQueued(), {
    idleMs: POLL_MS,
    retryMs: POLL_MS,
    backlogShare: BACKLOG_SHARE,
    onError: (error) => this.logger.warn(`quality scoring paused: ${(error as Error).message}`),
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: QualityRepository,
    private readonly scoring: QualityScoring,
    private readonly lifecycle: ConversationLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.observe(this);
  }

  handedOffIn(): void {}

  async closed(manager: EntityManager, conversation: Conversation): Promise<void> {
    await this.repository.enqueue(manager, conversation.id);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Stops in the first shutdown hook, before the NLU models and the database pool it scores with are gone. */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Scores everything queued now (tests, and readers that need the score of a conversation just closed). */
  async flush(): Promise<void> {
    await this.loop.settled();
    while (await this.scoreNext()) {}
  }

  /**
   * Scores the next queued conversation, so the loop paces each one (see BACKLOG_SHARE) and a stop waits for one at
   * most. A conversation that fails waits at the back of the queue, and the loop for its idle time.
   */
  private async scoreQueued(): Promise<PollOutcome> {
    if (!(await this.repository.hasPending())) return 'idle';
    return (await this.scoreNext()) ? 'more' : 'idle';
  }

  /** One conversation in one transaction; false when nothing was left to claim. */
  private async scoreNext(): Promise<boolean> {
    let failed: string | undefined;
    const scored = await this.dataSource.transaction(async (manager) => {
      const [conversationId] = await this.repository.claimPending(manager, 1);
      if (!conversationId) return false;
      try {
        await manager.query('SAVEPOINT quality_score');
        await this.scoring.score(manager, conversationId);
        await this.repository.removePending(manager, conversationId);
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT quality_score');
        await this.repository.postpone(manager, conversationId);
        failed = conversationId;
        this.logger.warn(`could not score conversation ${conversationId}, will retry: ${(error as Error).message}`);
      }
      return true;
    });
    return scored && !failed;
  }
}
