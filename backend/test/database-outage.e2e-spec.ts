import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../src/common/database/embedded-database.ts';
import { eventually } from './harness/kefu-process.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

async function readyStatus(kefu: TestApp): Promise<number> {
  return (await fetch(`${kefu.baseUrl}/readyz`)).status;
}

describe('a database outage under the running app', () => {
  let folder: string;
  let database: EmbeddedDatabase;
  let kefu: TestApp;
  let port: number;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kefu-outage-'));
    await chmod(folder, 0o755);
    database = new EmbeddedDatabase({ dataDir: join(folder, 'pg'), port: 0 });
    const { url } = await database.start();
    port = Number(new URL(url).port);
    kefu = await startTestApp({ databaseUrl: url });
  });

  afterAll(async () => {
    await kefu.close();
    await database.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('turns /readyz to 503 while PostgreSQL is down and back to 200 when it returns, without a restart', async () => {
    expect(await readyStatus(kefu)).toBe(200);

    await database.stop();
    await eventually(async () => (await readyStatus(kefu)) === 503);
    expect(await (await fetch(`${kefu.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });

    database = new EmbeddedDatabase({ dataDir: join(folder, 'pg'), port });
    await database.start();
    await eventually(async () => (await readyStatus(kefu)) === 200);
  });
});
