import { io, type Socket } from 'socket.io-client';
import type { ChatMessage } from '../../src/modules/conversations/index.ts';
import { eventually } from './kefu-process.ts';

/** A visitor token from the app, as the widget gets one. */
export async function visitorToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/visitor-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (response.status !== 201) throw new Error(`visitor token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * What the widget does over Socket.IO: events answered through acknowledgements, and every pushed message kept by
 * seq, so a test can check that nothing is missing and nothing arrives twice.
 */
export class WidgetClient {
  readonly pushed: ChatMessage[] = [];
  private constructor(readonly socket: Socket) {
    socket.on('messages', (event: { messages: ChatMessage[] }) => this.pushed.push(...event.messages));
  }

  static async connect(baseUrl: string, token: string, transports = ['websocket']): Promise<WidgetClient> {
    const socket = io(`${baseUrl}/chat`, { auth: { token }, transports, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new WidgetClient(socket);
  }

  // biome-ignore lint/suspicious/noExplicitAny: acknowledgements are checked field by field in the tests
  async call(event: string, payload: unknown): Promise<any> {
    return this.socket.timeout(30_000).emitWithAck(event, payload);
  }

  async waitForPushed(seq: number): Promise<ChatMessage> {
    await eventually(async () => this.pushed.some((message) => message.seq === seq), 15_000);
    return this.pushed.find((message) => message.seq === seq) as ChatMessage;
  }

  close(): void {
    this.socket.disconnect();
  }
}
