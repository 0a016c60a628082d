import { setTimeout as delay } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';

/** What the load generator measures of one run. */
export interface TurnFigures {
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
}

interface Ack {
  ok: boolean;
  replies?: unknown[];
  conversation?: { id: string; state: string };
}

/** One widget session: a socket and the conversation it talks in, restarted when the bot has handed it off. */
export class ChatSession {
  private conversationId?: string;
  private counter = 0;
  private restarting?: Promise<void>;

  private constructor(private readonly socket: Socket) {}

  static async open(baseUrl: string, token: string): Promise<ChatSession> {
    const socket = io(`${baseUrl}/chat`, { auth: { token }, transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const session = new ChatSession(socket);
    await session.restart();
    return session;
  }

  get ready(): boolean {
    return this.conversationId !== undefined && !this.restarting;
  }

  /** One customer turn; resolves with whether the bot answered it. */
  async turn(text: string): Promise<boolean> {
    this.counter += 1;
    const ack: Ack = await this.socket
      .timeout(30_000)
      .emitWithAck('send', { conversationId: this.conversationId, clientMessageId: `b-${this.counter}`, text });
    if (!ack.ok) throw new Error(`send refused: ${JSON.stringify(ack)}`);
    // A handed-off conversation waits for an agent and the bot stays quiet: carry on in a new one.
    if (ack.conversation?.state !== 'bot') {
      this.restarting ??= this.restart()
        .catch(() => undefined) // a session closed mid-restart: nothing to carry on
        .finally(() => {
          this.restarting = undefined;
        });
    }
    return (ack.replies?.length ?? 0) > 0;
  }

  async restart(): Promise<void> {
    const ack: Ack = await this.socket.timeout(30_000).emitWithAck('start', { language: 'zh' });
    this.conversationId = ack.conversation?.id;
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Every session sends its next question as soon as the previous one is answered: the most the server can take. */
export async function closedLoop(sessions: ChatSession[], questions: string[], seconds: number): Promise<TurnFigures> {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    sessions.map(async (session, index) => {
      for (let turn = index; performance.now() < until; turn += sessions.length) {
        if (!session.ready) await session.restart();
        const sent = performance.now();
        if (await session.turn(questions[turn % questions.length]).catch(() => false)) {
          latencies.push(performance.now() - sent);
        } else failed += 1;
      }
    }),
  );
  return figures(latencies, failed, (performance.now() - started) / 1000);
}

/**
 * Turns at a fixed rate, whatever the answers' speed: each session takes the next turn and sends it when it is due
 * (a session has one turn in flight, as a customer has). Latency counts from when a turn was due, not when it went
 * out, so a server that falls behind shows it (no coordinated omission). The generator sleeps between turns: a
 * spinning one would take a core from the server it measures.
 */
export async function fixedRate(
  sessions: ChatSession[],
  questions: string[],
  perSecond: number,
  seconds: number,
): Promise<TurnFigures> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const total = Math.round(perSecond * seconds);
  const dueOf = (turn: number) => started + (turn * 1000) / perSecond;
  await Promise.all(
    sessions.map(async (session) => {
      for (let turn = next++; turn < total; turn = next++) {
        // Timers may fire a fraction of a millisecond early: sleep again until the turn is due.
        for (let wait = dueOf(turn) - performance.now(); wait > 0; wait = dueOf(turn) - performance.now()) {
          await delay(Math.ceil(wait));
        }
        if (!session.ready) await session.restart();
        if (await session.turn(questions[turn % questions.length]).catch(() => false)) {
          latencies.push(performance.now() - dueOf(turn));
        } else failed += 1;
      }
    }),
  );
  return figures(latencies, failed, (performance.now() - started) / 1000);
}

function figures(latencies: number[], failed: number, seconds: number): TurnFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (quantile: number) => Number((sorted[Math.floor(quantile * (sorted.length - 1))] ?? 0).toFixed(1));
  return {
    turns: sorted.length,
    turnsPerSecond: Math.round(sorted.length / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    failed,
  };
}
