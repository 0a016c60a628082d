import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { KefuConfig } from '../common/config/kefu-config.ts';
import { loadConfig } from '../common/config/load-config.ts';
import { locateDatabase } from '../common/database/database-location.ts';
import { createLogger } from '../common/logging/create-logger.ts';
import { freePort } from '../common/net/free-port.ts';
import { writeBenchmarkSection } from './benchmark-report.ts';
import { ChatSession, closedLoop, fixedRate, type TurnFigures } from './chat-load.ts';

/**
 * `npm run bench:chat`: widget sessions over Socket.IO against one Kefu process (real bot turns: encryption, NLU,
 * knowledge lookup, dialogue state, PostgreSQL commit) and, in the same run, against a bare Fastify + Socket.IO echo
 * process, which shows what the machine and the load generator allow at all. Targets (issue 6): ≥ 1,000 bot turns/s;
 * p99 ≤ 50 ms at 500 turns/s.
 */
const SESSIONS = Number(process.env.KEFU_BENCH_SESSIONS ?? 100);
const SECONDS = Number(process.env.KEFU_BENCH_SECONDS ?? 10);
const FIXED_RATE = 500;
const dist = new URL('..', import.meta.url).pathname;
const repository = new URL('../../../', import.meta.url).pathname;

async function main(): Promise<void> {
  const questions = await heldOutQuestions();
  progress('starting Kefu and the echo server');
  const kefu = await startKefu();
  const echo = await startEcho();
  try {
    const rows: string[] = [];
    for (const [name, target] of [
      ['bare Fastify + Socket.IO echo', echo],
      ['Kefu (one process)', kefu],
    ] as const) {
      progress(`${name}: opening ${SESSIONS} sessions`);
      const sessions = await openSessions(target.url, target.tokens);
      progress(`${name}: warm-up, then ${SECONDS} s as fast as answered and ${SECONDS} s at ${FIXED_RATE} turns/s`);
      await closedLoop(sessions, questions, 2); // warm-up: JIT, data keys, model sessions, connection pool
      const saturated = await closedLoop(sessions, questions, SECONDS);
      const steady = await fixedRate(sessions, questions, FIXED_RATE, SECONDS);
      for (const session of sessions) session.close();
      rows.push(row(name, `as fast as answered, ${SESSIONS} sessions`, saturated));
      rows.push(row(name, `${FIXED_RATE} turns/s offered`, steady));
    }
    const table = [
      '| server | load | turns answered | turns/s | p50 | p99 | failed |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n');
    process.stdout.write(`${table}\n`);
    await writeBenchmarkSection('chat', {
      title: 'Conversation loop: bot turns over the widget socket',
      command: 'npm run bench:chat',
      body: [
        `${SESSIONS} widget sessions (Socket.IO over WebSocket, one visitor token each) send held-out questions from the`,
        'demo knowledge base; a turn is one customer message and its acknowledgement with the bot’s reply, so it',
        'includes validation, transcript encryption, NLU, the knowledge lookup, the dialogue state and the commit in',
        'PostgreSQL on the same machine. The load generator runs in one more process on the same cores. At the fixed',
        'rate, each session takes the next due turn when its previous one is answered (one turn in flight, as a',
        'customer has) and latency counts from when the turn was due. The mix of held-out questions includes',
        'off-topic ones, so turns also clarify, fall back, run the lost-card flow and hand off (a handed-off session',
        'starts a new conversation). This VM’s CPU speed varies between minutes: compare Kefu with the echo row of',
        'the same run. Targets (issue 6): ≥ 1,000 bot turns/s; p99 ≤ 50 ms at 500 turns/s.',
        '',
        table,
      ].join('\n'),
    });
  } finally {
    await kefu.stop();
    await echo.stop();
  }
}

interface Target {
  url: string;
  tokens: () => Promise<string>;
  stop(): Promise<void>;
}

async function startKefu(): Promise<Target> {
  const config = new KefuConfig(loadConfig());
  const database = await locateDatabase(config, createLogger('warn'));
  const name = `kefu_chat_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(database.url);
  url.pathname = `/${name}`;
  const folder = await mkdtemp(join(tmpdir(), 'kefu-chat-bench-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(dist, 'main.js')], {
    cwd: repository,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: url.toString(),
      KEFU_HTTP_PORT: String(port),
      KEFU_PUBLIC_URL: baseUrl,
      KEFU_IDP_DATA_DIR: join(folder, 'idp'),
      KEFU_AUDIT_KEY_DIR: join(folder, 'audit-keys'),
      KEFU_CRYPTO_KEY_DIR: join(folder, 'crypto-keys'),
      KEFU_LOG_LEVEL: 'warn',
      KEFU_DB_POOL_MAX: '20',
    },
  });
  await untilReady(`${baseUrl}/readyz`, child);
  return {
    url: baseUrl,
    tokens: async () => {
      const response = await fetch(`${baseUrl}/api/v1/visitor-tokens`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      return ((await response.json()) as { token: string }).token;
    },
    stop: async () => {
      await stopChild(child);
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
      // The embedded PostgreSQL, when DATABASE_URL is unset: left running, it would keep this process alive.
      await database.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function startEcho(): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(dist, 'bench/chat-echo-server.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { PATH: process.env.PATH, PORT: String(port) },
  });
  const url = `http://127.0.0.1:${port}`;
  await untilReady(`${url}/socket.io/?EIO=4&transport=polling`, child, true);
  return { url, tokens: async () => 'echo', stop: () => stopChild(child) };
}

async function openSessions(url: string, token: () => Promise<string>): Promise<ChatSession[]> {
  const sessions: ChatSession[] = [];
  for (let index = 0; index < SESSIONS; index += 1) sessions.push(await ChatSession.open(url, await token()));
  return sessions;
}

/** Questions the models were not trained on: the turns exercise the whole policy, answers and clarifications. */
async function heldOutQuestions(): Promise<string[]> {
  const lines = (await readFile(join(repository, 'models/data/demo-kb/zh/held-out.jsonl'), 'utf8')).split('\n');
  return lines.filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text);
}

function progress(line: string): void {
  process.stderr.write(`bench:chat: ${line}\n`);
}

function row(server: string, load: string, figures: TurnFigures): string {
  return `| ${server} | ${load} | ${figures.turns} | ${figures.turnsPerSecond} | ${figures.p50Ms} ms | ${figures.p99Ms} ms | ${figures.failed} |`;
}

async function untilReady(url: string, child: ChildProcess, anyAnswer = false): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200 || (anyAnswer && status > 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within 120 s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

await main();
