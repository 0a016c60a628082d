import pg from 'pg';
import { TestDatabase } from './harness/test-database.ts';

describe('test harness', () => {
  it('gives a test file a database of its own', async () => {
    const db = await TestDatabase.create();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT current_database() AS name');
    await client.end();
    await db.drop();
    expect(rows[0].name).toMatch(/^kefu_test_/);
  });
});
