import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { KefuConfig } from '../../../common/config/kefu-config.ts';
import type { FlowAction } from './flow-definition.ts';

/** How a call to a bank endpoint ended: done, refused by the bank (4xx), or no usable answer on any attempt. */
export type EndpointOutcome = 'success' | 'rejected' | 'failure';

/** First back-off; each further retry waits twice as long, so a struggling service is not hammered. */
const FIRST_BACKOFF_MS = 100;

/**
 * Calls the bank systems a flow acts on. A flow names an endpoint; the URL comes only from the operator's
 * allow-list (KEFU_BOT_ENDPOINTS), so a trainer cannot point the bot at an arbitrary host. Each attempt has its own
 * timeout; timeouts, network errors and 5xx answers are retried, 4xx answers are the bank's decision and are not.
 */
@Injectable()
export class BankEndpointClient {
  private readonly logger = new Logger('BankEndpointClient');

  constructor(private readonly config: KefuConfig) {}

  allowedEndpoints(): string[] {
    return Object.keys(this.config.bot.endpoints);
  }

  async call(action: FlowAction, body: Record<string, string>): Promise<EndpointOutcome> {
    const base = this.config.bot.endpoints[action.endpoint];
    // Checked when the flow was saved; the allow-list may have shrunk since (a restart with new settings).
    if (!base) {
      this.logger.warn(`endpoint ${action.endpoint} is no longer in KEFU_BOT_ENDPOINTS`);
      return 'failure';
    }
    // Concatenated, not resolved: the path extends the base URL's own path and can never change its host.
    const url = `${base.replace(/\/+$/, '')}${action.path}`;
    for (let attempt = 0; attempt <= action.retries; attempt++) {
      if (attempt > 0) await sleep(FIRST_BACKOFF_MS * 2 ** (attempt - 1));
      try {
        const response = await fetch(url, {
          method: action.method,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(action.timeoutMs),
        });
        await response.body?.cancel();
        if (response.ok) return 'success';
        if (response.status < 500) return 'rejected';
        this.logger.warn(`${action.endpoint} ${action.path} answered ${response.status} (attempt ${attempt + 1})`);
      } catch (error) {
        this.logger.warn(`${action.endpoint} ${action.path} failed (attempt ${attempt + 1}): ${describe(error)}`);
      }
    }
    return 'failure';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
