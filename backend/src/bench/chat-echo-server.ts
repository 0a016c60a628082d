import Fastify from 'fastify';
import { Server } from 'socket.io';

/**
 * The floor `npm run bench:chat` measures Kefu against: Fastify with Socket.IO that acknowledges `start` and `send`
 * in the widget protocol's shape at once — no database, no NLU, no encryption. Run as its own process, like Kefu.
 */
async function main(): Promise<void> {
  const app = Fastify();
  const io = new Server(app.server, { transports: ['websocket'] });
  io.of('/chat').on('connection', (socket) => {
    let seq = 0;
    socket.on('start', (_payload: unknown, ack: (answer: unknown) => void) => {
      seq = 1;
      ack({ ok: true, conversation: { id: socket.id, state: 'bot', lastSeq: seq }, messages: [{ seq, text: 'hi' }] });
    });
    socket.on('send', (payload: { text: string }, ack: (answer: unknown) => void) => {
      seq += 2;
      ack({
        ok: true,
        message: { seq: seq - 1, text: payload.text },
        replies: [{ seq, text: payload.text }],
        conversation: { id: socket.id, state: 'bot', lastSeq: seq },
      });
    });
  });
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
