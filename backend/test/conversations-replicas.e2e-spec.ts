import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtScript, cleanEnv, collect, eventually, freePort, mainScript } from './harness/kefu-process.ts';
import { TestDatabase } from './harness/test-database.ts';
import { visitorToken, WidgetClient } from './harness/widget-client.ts';

/**
 * Two replicas as a load balancer would see them: two `kefu` processes on one database, sharing the key folders
 * (as a Kubernetes secret or a shared volume would), behind one public URL.
 */
describe('two app processes on one database serve one conversation', () => {
  let database: TestDatabase;
  let folder: string;
  const processes: ChildProcess[] = [];
  const clients: WidgetClient[] = [];
  let urls: [string, string];

  beforeAll(async () => {
    database = await TestDatabase.create();
    folder = await mkdtemp(join(tmpdir(), 'kefu-replicas-'));
    await chmod(folder, 0o755);
    const ports = [await freePort(), await freePort()];
    urls = [`http://127.0.0.1:${ports[0]}`, `http://127.0.0.1:${ports[1]}`];
    for (const port of ports) {
      const child = spawn(process.execPath, [builtScript(mainScript)], {
        env: cleanEnv({
          DATABASE_URL: database.url,
          KEFU_HTTP_PORT: String(port),
          // One issuer for both, as behind a load balancer; tokens signed by one replica verify in the other.
          KEFU_PUBLIC_URL: urls[0],
          KEFU_IDP_DATA_DIR: join(folder, 'idp'),
          KEFU_AUDIT_KEY_DIR: join(folder, 'audit-keys'),
          KEFU_CRYPTO_KEY_DIR: join(folder, 'crypto-keys'),
          KEFU_MODELS_DIR: join(process.cwd(), 'models/artifacts'),
          KEFU_LOG_LEVEL: 'warn',
        }),
      });
      void collect(child);
      processes.push(child);
      // The first replica creates the shared keys; the second starts once they exist.
      await eventually(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200, 90_000);
    }
  }, 200_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((child) => new Promise((resolve) => child.once('exit', resolve))));
    await rm(folder, { recursive: true, force: true });
    await database.drop();
  }, 60_000);

  it('a message sent through one replica reaches the socket held by the other, in order and once', async () => {
    const token = await visitorToken(urls[0]);
    const onA = await WidgetClient.connect(urls[0], token);
    const onB = await WidgetClient.connect(urls[1], token);
    clients.push(onA, onB);

    const { conversation } = await onA.call('start', { language: 'zh' });
    const joined = await onB.call('join', { conversationId: conversation.id, afterSeq: 0 });
    expect(joined.messages.map((message: { seq: number }) => message.seq)).toEqual([1]);

    const sent = await onB.call('send', { conversationId: conversation.id, clientMessageId: 'b-1', text: '你好' });
    expect(sent.ok).toBe(true);
    const lastSeq = sent.conversation.lastSeq;
    await onA.waitForPushed(lastSeq);
    const pushedSeqs = onA.pushed.map((message) => message.seq);
    expect(new Set(pushedSeqs).size).toBe(pushedSeqs.length);
    for (let seq = 2; seq <= lastSeq; seq += 1) expect(pushedSeqs).toContain(seq);

    // The same client id through the other replica is the same message, not a second one.
    const again = await onA.call('send', { conversationId: conversation.id, clientMessageId: 'b-1', text: '你好' });
    expect(again).toMatchObject({ ok: true, duplicate: true, message: { seq: sent.message.seq } });
  });

  it('a replica that wrote a conversation last notices when the other wrote after it', async () => {
    const token = await visitorToken(urls[0]);
    const onA = await WidgetClient.connect(urls[0], token);
    const onB = await WidgetClient.connect(urls[1], token);
    clients.push(onA, onB);
    const { conversation } = await onA.call('start', { language: 'zh' });
    const turns = [
      [onA, 'a-1'],
      [onB, 'b-1'],
      [onA, 'a-2'], // A's memory of the conversation is a turn behind
      [onA, 'a-3'],
      [onB, 'b-2'],
      [onA, 'a-2'], // a resend of a message A stored two turns ago
    ] as const;
    const acks = [];
    for (const [client, clientMessageId] of turns) {
      acks.push(
        await client.call('send', { conversationId: conversation.id, clientMessageId, text: '怎么办理借记卡？' }),
      );
    }
    expect(acks.map((ack) => ack.duplicate)).toEqual([false, false, false, false, false, true]);
    expect(acks[5].message.seq).toBe(acks[2].message.seq);
    const seqs = acks
      .slice(0, 5)
      .flatMap((ack) => [ack.message.seq, ...ack.replies.map((reply: { seq: number }) => reply.seq)]);
    expect(seqs).toEqual(seqs.map((_, index) => index + 2));
  });
});
