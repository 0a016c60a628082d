import { randomUUID } from 'node:crypto';
import { seededRandom } from '../common/random/seeded-random.ts';

/**
 * A month of contact-centre traffic written straight into the tables, for the analytics test and `bench:analytics`:
 * conversations with bot turns, FAQ answers, unanswered questions, handoffs into two skill groups, waits, agent
 * exchanges, transfers, closes and CSAT ratings, each agent's presence and capacity log, plus a few days either side of
 * the month. Bulk SQL (one `unnest`
 * insert per table) because tens of thousands of messages through the API would take minutes. Bodies are a
 * placeholder: analytics reads only message metadata, never a transcript.
 */
export interface SeededMonth {
  /** 1 October 2026, 00:00 in Asia/Shanghai, to 1 November 00:00. */
  from: Date;
  to: Date;
  groupIds: string[];
  agentIds: string[];
  conversations: number;
  messages: number;
}

export type RunSql = (sql: string, values?: unknown[]) => Promise<unknown>;

const FROM = new Date('2026-10-01T00:00:00+08:00');
const TO = new Date('2026-11-01T00:00:00+08:00');
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const DAY = 86_400_000;
/** When agents 1 and 4 get two more seats: the log carries capacity changes as well as presence. */
const MORE_SEATS_AT = new Date('2026-10-15T12:00:00+08:00').getTime();
const ITEMS = Array.from({ length: 24 }, (_, i) => `faq-${String(i + 1).padStart(2, '0')}`);
const LABELS = ['faq-03', 'faq-07', 'loan-rates', 'fx-limits', 'oos', 'card-upgrade', 'faq-12'];
/** Busier in office hours, as a bank's service line is. */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 1, 2, 4, 8, 10, 10, 9, 7, 8, 10, 10, 9, 8, 6, 5, 4, 3, 2, 1];

interface Row {
  [column: string]: unknown;
}

class Tables {
  readonly conversations: Row[] = [];
  readonly messages: Row[] = [];
  readonly participants: Row[] = [];
  readonly queue: Row[] = [];
  readonly closures: Row[] = [];
  readonly unanswered: Row[] = [];
  readonly ratings: Row[] = [];
  readonly presence: Row[] = [];
}

export async function seedAnalyticsMonth(run: RunSql, count = 6_500, seed = 42): Promise<SeededMonth> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const between = (low: number, high: number) => Math.round(low + random() * (high - low));
  const groupIds = [randomUUID(), randomUUID()];
  const agentIds = Array.from({ length: 6 }, (_, i) => `analytics-agent-${i + 1}`);
  const members = [agentIds.slice(0, 4), agentIds.slice(2)];
  const tables = new Tables();

  for (let n = 0; n < count; n++) {
    const id = randomUUID();
    const visitorId = `visitor-${n}`;
    const channel = random() < 0.7 ? 'web' : 'api';
    const language = random() < 0.85 ? 'zh' : 'en';
    const createdAt = startTime(random);
    let t = createdAt;
    let seq = 0;
    const message = (sender: string, kind: string, at: number, extra: Row = {}) => {
      seq += 1;
      tables.messages.push({ id, seq, sender, senderId: null, kind, at, replyTo: null, itemId: null, ...extra });
      return seq;
    };
    message('bot', 'chitchat', t);
    let state = 'bot';
    let handoff: string | null = null;
    let closedAt: number | null = null;
    tables.participants.push({ id, kind: 'visitor', who: visitorId, joined: t, left: null });
    if (random() < 0.9) {
      const turns = between(1, 4);
      const handsOff = random() < 0.35;
      for (let turn = 0; turn < turns; turn++) {
        t += between(3 * SECOND, 60 * SECOND);
        const asked = message('visitor', 'text', t, { senderId: visitorId });
        t += between(200, 1_500);
        if (handsOff && turn === turns - 1) {
          message('bot', 'handoff', t, { replyTo: asked });
          break;
        }
        const roll = random();
        const kind = roll < 0.6 ? 'answer' : roll < 0.7 ? 'clarify' : roll < 0.85 ? 'fallback' : 'chitchat';
        const itemId = kind === 'answer' ? skewedItem(random) : kind === 'chitchat' ? 'chitchat-hello' : null;
        message('bot', kind, t, { replyTo: asked, itemId });
        if (kind === 'clarify' || kind === 'fallback') {
          tables.unanswered.push({
            id,
            language,
            channel,
            reason: kind === 'clarify' ? 'low-confidence' : 'fallback',
            label: pick(LABELS),
            at: t,
          });
        }
      }
      if (handsOff) {
        state = 'queued';
        handoff = new Date(t).toISOString();
        const enqueued = t + 5;
        const groupId = random() < 0.1 ? null : pick(groupIds);
        const entry: Row = {
          id,
          visitorId,
          groupId,
          state: 'waiting',
          enqueued,
          agent: null,
          assigned: null,
          ended: null,
        };
        tables.queue.push(entry);
        const served = random() < 0.88;
        const joined = enqueued + between(5 * SECOND, 600 * SECOND);
        t = enqueued;
        for (let waiting = between(0, 2); waiting > 0; waiting--) {
          t += between(SECOND, 30 * SECOND);
          if (served && t >= joined) break;
          message('visitor', 'text', t, { senderId: visitorId });
        }
        closedAt = served
          ? serve(tables, random, message, {
              id,
              visitorId,
              joined,
              agents: groupId ? (members[groupIds.indexOf(groupId)] as string[]) : agentIds,
              entry,
            })
          : abandon(tables, message, { id, gaveUpAt: Math.max(t, joined) + SECOND, entry });
        state = 'closed';
      }
    }
    tables.conversations.push({ id, visitorId, channel, language, state, lastSeq: seq, handoff, createdAt, closedAt });
  }
  const capacities = agentIds.map((agent, i) => logPresence(tables, random, agent, 3 + (i % 3), i % 3 === 0 ? 2 : 0));
  await write(run, tables, groupIds, agentIds, capacities, members);
  return { from: FROM, to: TO, groupIds, agentIds, conversations: count, messages: tables.messages.length };
}

/** An agent (sometimes two, after a transfer) serves the conversation and closes it; answers the close time. */
function serve(
  tables: Tables,
  random: () => number,
  message: (sender: string, kind: string, at: number, extra?: Row) => number,
  context: { id: string; visitorId: string; joined: number; agents: string[]; entry: Row },
): number {
  const between = (low: number, high: number) => Math.round(low + random() * (high - low));
  const { id, visitorId, agents, entry } = context;
  let agent = agents[Math.floor(random() * agents.length)] as string;
  let joined = context.joined;
  let t = joined;
  if (random() < 0.5) {
    t += between(SECOND, 5 * SECOND);
    message('agent', 'text', t, { senderId: agent });
  }
  const exchanges = between(2, 6);
  const transferAt = random() < 0.1 ? Math.floor(exchanges / 2) : -1;
  for (let exchange = 0; exchange < exchanges; exchange++) {
    if (exchange === transferAt) {
      tables.participants.push({ id, kind: 'agent', who: agent, joined, left: t });
      agent = agents.find((other) => other !== agent) ?? agent;
      joined = t + between(SECOND, 60 * SECOND);
      t = joined;
    }
    for (let asked = between(1, 2); asked > 0; asked--) {
      t += between(2 * SECOND, 40 * SECOND);
      message('visitor', 'text', t, { senderId: visitorId });
    }
    t += between(3 * SECOND, 90 * SECOND);
    message('agent', 'text', t, { senderId: agent });
  }
  const closedAt = t + between(5 * SECOND, 60 * SECOND);
  message('system', 'notice', closedAt);
  tables.participants.push({ id, kind: 'agent', who: agent, joined, left: closedAt });
  Object.assign(entry, { state: 'ended', agent, assigned: context.joined, ended: closedAt });
  tables.closures.push({ id, by: agent, disposition: 'resolved', at: closedAt });
  if (random() < 0.7) {
    const roll = random();
    const rating = roll < 0.05 ? 1 : roll < 0.12 ? 2 : roll < 0.25 ? 3 : roll < 0.6 ? 4 : 5;
    tables.ratings.push({ id, rating, at: closedAt + 10 * SECOND });
  }
  return closedAt;
}

/**
 * Nobody came: the customer gave up and the conversation was closed without an agent. Nothing is left waiting, so the
 * app's routing sweep has nothing to dispatch or overflow while a test compares figures.
 */
function abandon(
  tables: Tables,
  message: (sender: string, kind: string, at: number, extra?: Row) => number,
  context: { id: string; gaveUpAt: number; entry: Row },
): number {
  message('system', 'notice', context.gaveUpAt);
  Object.assign(context.entry, { state: 'ended', ended: context.gaveUpAt });
  tables.closures.push({ id: context.id, by: 'system:routing', disposition: 'no-response', at: context.gaveUpAt });
  return context.gaveUpAt;
}

/**
 * An agent's presence log, shaped around the conversations they served: online a few minutes before a stretch of work,
 * away in a pause of more than 45 minutes, sometimes busy (taking no new conversations) while finishing the last one
 * of a stretch, offline after it; a pause of more than 4 hours ends the stretch. Every row carries the capacity of
 * the time, and `moreSeats` extra seats from MORE_SEATS_AT are logged as a change of their own. Answers the final
 * capacity.
 */
function logPresence(tables: Tables, random: () => number, agent: string, capacity: number, moreSeats: number): number {
  const minutes = (low: number, high: number) => Math.round((low + random() * (high - low)) * MINUTE);
  const spans = tables.participants
    .filter((p) => p.kind === 'agent' && p.who === agent)
    .map((p) => [p.joined, p.left] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const log: Array<{ at: number; presence: string }> = [];
  let end = Number.NEGATIVE_INFINITY;
  let lastJoined = 0;
  const signOff = () => {
    if (random() < 0.5) log.push({ at: lastJoined + SECOND, presence: 'busy' });
    log.push({ at: end + minutes(1, 10), presence: 'offline' });
  };
  for (const [joined, left] of spans) {
    if (joined - end > 4 * 60 * MINUTE) {
      if (log.length > 0) signOff();
      log.push({ at: joined - minutes(1, 15), presence: 'online' });
    } else if (joined - end > 45 * MINUTE) {
      log.push({ at: end + minutes(1, 5), presence: 'away' }, { at: joined - minutes(1, 5), presence: 'online' });
    }
    end = Math.max(end, left);
    lastJoined = joined;
  }
  if (log.length > 0) signOff();
  if (moreSeats > 0) {
    const then = log.filter((change) => change.at <= MORE_SEATS_AT).at(-1)?.presence ?? 'offline';
    log.push({ at: MORE_SEATS_AT, presence: then });
  }
  log.sort((a, b) => a.at - b.at);
  for (const change of log) {
    const seats = change.at >= MORE_SEATS_AT ? capacity + moreSeats : capacity;
    tables.presence.push({ agent, presence: change.presence, capacity: seats, at: change.at });
  }
  return capacity + moreSeats;
}

/** A start time in the month or up to two days either side, weighted towards office hours (UTC+8). */
function startTime(random: () => number): number {
  const day = Math.floor(random() * 35) - 2;
  const total = HOUR_WEIGHTS.reduce((sum, weight) => sum + weight, 0);
  let roll = random() * total;
  let hour = 0;
  while (roll >= (HOUR_WEIGHTS[hour] as number)) roll -= HOUR_WEIGHTS[hour++] as number;
  return FROM.getTime() + day * DAY + hour * 3_600_000 + Math.floor(random() * 3_600_000);
}

/** A few items answer most questions, as in any FAQ. */
function skewedItem(random: () => number): string {
  return ITEMS[Math.floor(ITEMS.length * random() ** 2.5)] as string;
}

async function write(
  run: RunSql,
  tables: Tables,
  groupIds: string[],
  agentIds: string[],
  capacities: number[],
  members: string[][],
): Promise<void> {
  const at = (name: string) => (row: Row) => (row[name] == null ? null : new Date(row[name] as number));
  const field = (name: string) => (row: Row) => row[name];
  await insert(
    run,
    'routing_groups',
    groupIds.map((id, i) => ({ id, name: ['analytics-cards', 'analytics-loans'][i] })),
    {
      id: ['uuid', field('id')],
      name: ['text', field('name')],
      strategy: ['text', () => 'least-busy'],
    },
  );
  await insert(
    run,
    'routing_agents',
    agentIds.map((id, i) => ({ id, capacity: capacities[i] })),
    {
      agent_id: ['text', field('id')],
      display_name: ['text', (row) => String(row.id).replace('analytics-agent-', '坐席 ')],
      capacity: ['int', field('capacity')],
    },
  );
  await insert(run, 'agent_presence_changes', tables.presence, {
    agent_id: ['text', field('agent')],
    presence: ['text', field('presence')],
    capacity: ['int', field('capacity')],
    changed_at: ['timestamptz', at('at')],
  });
  const memberships = members.flatMap((agents, i) => agents.map((agent) => ({ group: groupIds[i], agent })));
  await insert(run, 'routing_group_members', memberships, {
    group_id: ['uuid', field('group')],
    agent_id: ['text', field('agent')],
  });
  await insert(run, 'conversations', tables.conversations, {
    id: ['uuid', field('id')],
    visitor_id: ['text', field('visitorId')],
    visitor_verified: ['boolean', () => false],
    channel: ['text', field('channel')],
    language: ['text', field('language')],
    state: ['text', field('state')],
    last_seq: ['int', field('lastSeq')],
    handoff: ['jsonb', (row) => (row.handoff ? JSON.stringify({ reason: 'asked', at: row.handoff }) : null)],
    created_at: ['timestamptz', at('createdAt')],
    updated_at: ['timestamptz', (row) => new Date((row.closedAt ?? row.createdAt) as number)],
    closed_at: ['timestamptz', at('closedAt')],
  });
  await insert(run, 'conversation_messages', tables.messages, {
    conversation_id: ['uuid', field('id')],
    seq: ['int', field('seq')],
    reply_to: ['int', field('replyTo')],
    sender_kind: ['text', field('sender')],
    sender_id: ['text', field('senderId')],
    kind: ['text', field('kind')],
    body: ['bytea', () => PLACEHOLDER_BODY],
    item_id: ['text', field('itemId')],
    created_at: ['timestamptz', at('at')],
  });
  await insert(run, 'conversation_participants', tables.participants, {
    conversation_id: ['uuid', field('id')],
    participant_kind: ['text', field('kind')],
    participant_id: ['text', field('who')],
    joined_at: ['timestamptz', at('joined')],
    left_at: ['timestamptz', at('left')],
  });
  await insert(run, 'routing_queue', tables.queue, {
    conversation_id: ['uuid', field('id')],
    visitor_id: ['text', field('visitorId')],
    group_id: ['uuid', field('groupId')],
    state: ['text', field('state')],
    reason: ['text', () => 'asked'],
    enqueued_at: ['timestamptz', at('enqueued')],
    agent_id: ['text', field('agent')],
    assigned_at: ['timestamptz', at('assigned')],
    ended_at: ['timestamptz', at('ended')],
  });
  await insert(run, 'conversation_closures', tables.closures, {
    conversation_id: ['uuid', field('id')],
    closed_by: ['text', field('by')],
    disposition: ['text', field('disposition')],
    closed_at: ['timestamptz', at('at')],
  });
  await insert(run, 'bot_unanswered_questions', tables.unanswered, {
    conversation_id: ['uuid', field('id')],
    language: ['text', field('language')],
    channel: ['text', field('channel')],
    reason: ['text', field('reason')],
    masked_text: ['text', () => '（已脱敏）'],
    best_label: ['text', field('label')],
    confidence: ['real', () => 0.3],
    created_at: ['timestamptz', at('at')],
  });
  await insert(run, 'conversation_ratings', tables.ratings, {
    conversation_id: ['uuid', field('id')],
    rating: ['smallint', field('rating')],
    rated_at: ['timestamptz', at('at')],
  });
}

/** Analytics never opens a message body; a byte stands in for the ciphertext. */
const PLACEHOLDER_BODY = Buffer.from([0]);

/** All rows of a table in one statement: each column travels as one typed array, `unnest` turns them into rows. */
async function insert(
  run: RunSql,
  table: string,
  rows: Row[],
  columns: Record<string, [type: string, value: (row: Row) => unknown]>,
): Promise<void> {
  const names = Object.keys(columns);
  const arrays = Object.values(columns).map(([type], i) => `$${i + 1}::${type}[]`);
  await run(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')})`,
    Object.values(columns).map(([, value]) => rows.map(value)),
  );
}
