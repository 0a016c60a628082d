import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../src/common/access/index.ts';
import { ModelRegistry } from '../src/modules/nlu/index.ts';
import { trainTinyModels } from './fixtures/tiny-models.ts';
import { auditEvents } from './harness/audit-events.ts';
import { staffToken } from './harness/staff-token.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

interface Proposal {
  id: string;
  model: string;
  package: string;
  state: string;
  proposedBy: string;
  decidedBy: string | null;
  decisionNote: string | null;
  serving?: { name: string; version: string; previousVersion?: string };
}

/** 四眼原则 for models: a trainer proposes a package, and only a different person holding models.activate activates it. */
describe('model activation by a second person', () => {
  let modelsDir: string;
  let kefu: TestApp;
  let proposer: string;
  let approver: string;

  beforeAll(async () => {
    modelsDir = await mkdtemp(join(tmpdir(), 'kefu-activation-'));
    await trainTinyModels(modelsDir);
    kefu = await startTestApp({ env: { KEFU_MODELS_DIR: modelsDir } });
    proposer = await staffToken(kefu, [Role.Trainer], 'trainer-li');
    approver = await staffToken(kefu, [Role.Trainer], 'trainer-wang');
  }, 180_000);
  afterAll(async () => {
    await kefu.close();
    await rm(modelsDir, { recursive: true, force: true });
  });

  const call = async (path: string, token: string, body?: object) => {
    const response = await fetch(`${kefu.baseUrl}/api/v1/nlu/activation-proposals${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Proposal & Record<string, unknown> };
  };
  const liveVersion = () =>
    kefu.app
      .get(ModelRegistry)
      .statuses()
      .find((model) => model.name === 'kb-zh')?.version;

  it('activates a proposed package only when someone other than the proposer approves it, audited', async () => {
    const proposed = await call('', proposer, { model: 'kb-zh', package: 'kb-zh-candidate', note: '新版本更准' });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ model: 'kb-zh', package: 'kb-zh-candidate', state: 'pending' });
    expect(liveVersion()).toBe('seed-1');

    const own = await call(`/${proposed.body.id}/approve`, proposer, {});
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ error: 'self_approval', message: expect.stringContaining(proposed.body.id) });
    expect(liveVersion()).toBe('seed-1');

    const approved = await call(`/${proposed.body.id}/approve`, approver, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      decidedBy: expect.not.stringMatching(proposed.body.proposedBy),
      serving: { name: 'kb-zh', version: 'seed-2', previousVersion: 'seed-1' },
    });
    expect(liveVersion()).toBe('seed-2');
    expect((await call(`/${proposed.body.id}/approve`, approver, {})).status).toBe(409);

    const [proposal] = await auditEvents(kefu, { action: 'model.activation.propose' });
    expect(proposal).toMatchObject({
      actorId: proposed.body.proposedBy,
      targetId: 'kb-zh',
      details: { proposal: proposed.body.id, package: 'kb-zh-candidate' },
    });
    const activations = await auditEvents(kefu, { action: 'model.activate', targetId: 'kb-zh' });
    expect(activations).toEqual([
      expect.objectContaining({
        actorId: approved.body.decidedBy,
        details: {
          package: 'kb-zh-candidate',
          proposal: proposed.body.id,
          proposedBy: proposed.body.proposedBy,
          version: 'seed-2',
          previousVersion: 'seed-1',
        },
      }),
    ]);
  });

  it('lets a second person reject a proposal, which can then no longer be approved', async () => {
    const proposed = await call('', proposer, { model: 'kb-zh', package: 'kb-zh' });
    const rejected = await call(`/${proposed.body.id}/reject`, approver, { reason: '留出集准确率下降' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ state: 'rejected', decisionNote: '留出集准确率下降' });
    expect((await call(`/${proposed.body.id}/approve`, approver, {})).status).toBe(409);
    expect(liveVersion()).toBe('seed-2');
    expect(await auditEvents(kefu, { action: 'model.activation.reject' })).toEqual([
      expect.objectContaining({ targetId: 'kb-zh', details: expect.objectContaining({ proposal: proposed.body.id }) }),
    ]);
    const pending = await call('?state=pending', approver);
    expect(pending.body).toEqual([]);
  });

  it('names the field and rule of a bad proposal, and refuses a package that is not there', async () => {
    const escaping = await call('', proposer, { model: 'kb-zh', package: '../etc' });
    expect(escaping.status).toBe(400);
    expect(escaping.body.violations).toEqual([expect.objectContaining({ field: 'package', rule: 'matches' })]);
    const missing = await call('', proposer, { model: 'kb-zh', package: 'releases/kb-zh-r99' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('package: releases/kb-zh-r99');
    const noReason = await call(`/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/reject`, approver, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.violations).toContainEqual(expect.objectContaining({ field: 'reason', rule: 'isNotEmpty' }));
  });

  it('refuses proposals from staff who do not train models', async () => {
    const editor = await staffToken(kefu, [Role.KbEditor]);
    const refused = await call('', editor, { model: 'kb-zh', package: 'kb-zh-candidate' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('forbidden');
  });
});
