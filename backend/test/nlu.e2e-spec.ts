import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../src/common/access/index.ts';
import { trainTinyModels } from './fixtures/tiny-models.ts';
import { auditEvents } from './harness/audit-events.ts';
import { staffToken } from './harness/staff-token.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

describe('the NLU module serving real ONNX models', () => {
  let modelsDir: string;
  let kefu: TestApp;
  let trainer: string;

  beforeAll(async () => {
    modelsDir = await mkdtemp(join(tmpdir(), 'kefu-models-'));
    await trainTinyModels(modelsDir);
    kefu = await startTestApp({ env: { KEFU_MODELS_DIR: modelsDir } });
    trainer = await staffToken(kefu, [Role.Trainer]);
  }, 180_000);
  afterAll(async () => {
    await kefu.close();
    await rm(modelsDir, { recursive: true, force: true });
  });

  const post = (path: string, body: object, token = trainer) =>
    fetch(`${kefu.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('reports the models loaded in /readyz', async () => {
    const readiness = (await (await fetch(`${kefu.baseUrl}/readyz`)).json()) as {
      checks: { name: string; ok: boolean }[];
    };
    expect(readiness.checks).toContainEqual({ name: 'models', ok: true });
  });

  it('reads a message: intent with top three, out-of-scope flag, entities with identifiers masked, sentiment', async () => {
    const response = await post('/api/v1/nlu/parse', { text: '我的卡号6222021234567890128丢了，明天转账5千元' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      language: string;
      topK: unknown[];
      oos: boolean;
      entities: { type: string; value: unknown }[];
      sentiment: { label: string };
    };
    expect(body.language).toBe('zh');
    expect(body.topK).toHaveLength(3);
    expect(typeof body.oos).toBe('boolean');
    expect(body.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'amount', value: 5000 }),
        expect.objectContaining({ type: 'card_number', value: '622202*********0128' }),
      ]),
    );
    expect(JSON.stringify(body)).not.toContain('6222021234567890128');
    expect(['negative', 'neutral', 'positive', 'anger']).toContain(body.sentiment.label);
  });

  it('names the field and rule of a bad request', async () => {
    const response = await post('/api/v1/nlu/parse', { text: '', language: 'fr' });
    expect(response.status).toBe(400);
    const { violations } = (await response.json()) as { violations: { field: string; rule: string }[] };
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'text', rule: 'isNotEmpty' }),
        expect.objectContaining({ field: 'language', rule: 'isIn' }),
      ]),
    );
  });

  it('swaps to a new version under concurrent requests without failing one, and rolls back', async () => {
    const requests = Array.from({ length: 120 }, (_, i) => post('/api/v1/nlu/parse', { text: `信用卡怎么还款 ${i}` }));
    const activated = await post('/api/v1/nlu/models/kb-zh/activate', { package: 'kb-zh-candidate' });
    const statuses = await Promise.all(requests.map(async (request) => (await request).status));
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(activated.status).toBe(200);
    expect(await activated.json()).toMatchObject({ name: 'kb-zh', version: 'seed-2', previousVersion: 'seed-1' });

    const rolledBack = await post('/api/v1/nlu/models/kb-zh/rollback', {});
    expect(await rolledBack.json()).toMatchObject({ version: 'seed-1', previousVersion: 'seed-2' });
    const activations = await auditEvents(kefu, { action: 'model.activate', targetId: 'kb-zh' });
    expect(activations.map((event) => event.details)).toEqual([
      { package: 'kb-zh-candidate', version: 'seed-2', previousVersion: 'seed-1' },
      { rollback: true, version: 'seed-1', previousVersion: 'seed-2' },
    ]);
    expect((await post('/api/v1/nlu/parse', { text: '信用卡怎么还款' })).status).toBe(200);
  });

  it('refuses a package with one changed byte and keeps serving the current version', async () => {
    const tampered = join(modelsDir, 'kb-zh-tampered');
    await cp(join(modelsDir, 'kb-zh-candidate'), tampered, { recursive: true });
    await appendFile(join(tampered, 'model.onnx'), Buffer.from([0]));
    const response = await post('/api/v1/nlu/models/kb-zh/activate', { package: 'kb-zh-tampered' });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('model.onnx') });
    const models = (await (
      await fetch(`${kefu.baseUrl}/api/v1/nlu/models`, { headers: { authorization: `Bearer ${trainer}` } })
    ).json()) as {
      name: string;
      version: string;
    }[];
    expect(models.find((model) => model.name === 'kb-zh')?.version).toBe('seed-1');
  });

  it('refuses a package of the wrong kind: FAQ answers are no moods', async () => {
    const response = await post('/api/v1/nlu/models/sentiment/activate', { package: 'kb-zh-candidate' });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('serves sentiment models') });
  });

  it('refuses a package name that leaves the models directory', async () => {
    const response = await post('/api/v1/nlu/models/kb-zh/activate', { package: '../etc' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ violations: [expect.objectContaining({ field: 'package' })] });
  });
});
