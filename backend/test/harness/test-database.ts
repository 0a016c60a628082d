import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of one test file's own, created empty on the run's server and dropped afterwards. */
export class TestDatabase {
  private constructor(
    readonly url: string,
    private readonly name: string,
    private readonly adminUrl: string,
  ) {}

  static async create(): Promise<TestDatabase> {
    const adminUrl = process.env.KEFU_TEST_ADMIN_URL;
    if (!adminUrl)
      throw new Error('KEFU_TEST_ADMIN_URL is unset: run the tests through jest (its global setup sets it)');
    const name = `kefu_test_${randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return new TestDatabase(url.toString(), name, adminUrl);
  }

  async drop(): Promise<void> {
    await withAdmin(this.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`));
  }
}

async function withAdmin(adminUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
