import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { PollLoop, type PollOutcome } from '../../common/scheduling/poll-loop.ts';
import { AgentConversations } from './agent-conversations.service.ts';
import { ConversationRepository } from './conversation.repository.ts';

/** How often a replica looks for idle conversations: a closing time a minute late is unnoticeable. */
const POLL_MS = 60_000;
/** Conversations closed in one round of the loop. */
const ROUND = 50;

/**
 * Ends conversations with the bot that the customer left: without it a chat that simply stops stays open for ever,
 * and is never counted, scored or rated. Conversations waiting for or served by an agent are left to routing and
 * people. Each close is its own transaction, re-checked under the row lock, so a message that arrives meanwhile
 * keeps the conversation open, and replicas sweeping at once never close one twice.
 */
@Injectable()
export class IdleConversationCloser implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdleConversationCloser');
  private readonly loop = new PollLoop(() => this.sweep(), {
    idleMs: POLL_MS,
    retryMs: POLL_MS,
    onError: (error) => this.logger.warn(`closing idle conversations paused: ${(error as Error).message}`),
  });

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly agentConversations: AgentConversations,
    private readonly config: KefuConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Closes up to a round of idle conversations; a round that closed them all says there may be more. */
  async sweep(): Promise<PollOutcome> {
    const idleMinutes = this.config.conversations.idleCloseMinutes;
    const idle = await this.conversations.idleWithBot(idleMinutes, ROUND);
    let closed = 0;
    for (const conversationId of idle)
      if (await this.agentConversations.closeIdle(conversationId, idleMinutes)) closed += 1;
    return closed === ROUND ? 'more' : 'idle';
  }
}
