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
 * Turns at a fixed rate, whatever the answers' speed; latency counts from when a turn was due, not when it went out,
 * so a server that falls behind shows it (no coordinated omission).
 */
export async function fixedRate(
  sessions: ChatSession[],
  questions: string[],
  perSecond: number,
  seconds: number,
): Promise<TurnFigures> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let failed = 0;
  const started = performance.now();
  const total = Math.round(perSecond * seconds);
  for (let turn = 0; turn < total; turn += 1) {
    const due = started + (turn * 1000) / perSecond;
    while (performance.now() < due) await new Promise((resolve) => setImmediate(resolve));
    // A session restarting after a handoff sits this turn out; the next ready one takes it.
    const session = readyFrom(sessions, turn);
    if (!session) {
      failed += 1;
      continue;
    }
    pending.push(
      session.turn(questions[turn % questions.length]).then(
        (answered) => {
          if (answered) latencies.push(performance.now() - due);
          else failed += 1;
        },
        () => {
          failed += 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  return figures(latencies, failed, (performance.now() - started) / 1000);
}

function readyFrom(sessions: ChatSession[], start: number): ChatSession | undefined {
  for (let offset = 0; offset < sessions.length; offset += 1) {
    const session = sessions[(start + offset) % sessions.length];
    if (session.ready) return session;
  }
  return undefined;
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
