import pg from 'pg';
import { NotificationBatchingPool } from '../src/common/realtime/notification-batching-pool.ts';
import { eventually } from './harness/kefu-process.ts';
import { TestDatabase } from './harness/test-database.ts';

describe('the real-time fan-out pool (batched pg_notify)', () => {
  let database: TestDatabase;
  let pool: NotificationBatchingPool;
  let listener: pg.Client;
  const received: string[] = [];

  beforeAll(async () => {
    database = await TestDatabase.create();
    pool = new NotificationBatchingPool({ connectionString: database.url, max: 2 });
    listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    listener.on('notification', (message) => received.push(message.payload ?? ''));
    await listener.query('LISTEN "socket.io#/chat"');
  });
  afterAll(async () => {
    await listener.end();
    await pool.end();
    await database.drop();
  });

  it('delivers every broadcast once and in the order it was published, however many are in flight', async () => {
    const published = Array.from({ length: 300 }, (_, index) => `{"turn":${index}}`);
    await Promise.all(published.map((payload) => pool.query('SELECT pg_notify($1, $2)', ['socket.io#/chat', payload])));
    await eventually(async () => received.length >= published.length, 10_000);
    expect(received).toEqual(published);
  });

  it('fails the publishes of a batch PostgreSQL refuses, and goes on with the next', async () => {
    const tooLong = 'x'.repeat(9_000); // beyond PostgreSQL's 8,000-byte payload limit
    await expect(pool.query('SELECT pg_notify($1, $2)', ['socket.io#/chat', tooLong])).rejects.toThrow(/payload/i);
    await pool.query('SELECT pg_notify($1, $2)', ['socket.io#/chat', 'after']);
    await eventually(async () => received.at(-1) === 'after', 10_000);
  });

  it('sends what is queued before it ends', async () => {
    const closing = new NotificationBatchingPool({ connectionString: database.url, max: 1 });
    const last = Array.from({ length: 100 }, (_, index) => `{"last":${index}}`);
    const publishes = last.map((payload) => closing.query('SELECT pg_notify($1, $2)', ['socket.io#/chat', payload]));
    await closing.end();
    await Promise.all(publishes);
    await eventually(async () => received.at(-1) === last.at(-1), 10_000);
    expect(received.slice(-last.length)).toEqual(last);
  });

  it('passes every other query through', async () => {
    const result = await pool.query('SELECT $1::int + 1 AS next', [41]);
    expect(result.rows).toEqual([{ next: 42 }]);
  });
});
