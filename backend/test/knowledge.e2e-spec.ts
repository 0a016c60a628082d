import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../src/common/access/index.ts';
import { KnowledgeBase } from '../src/modules/knowledge/index.ts';
import { ModelRegistry } from '../src/modules/nlu/index.ts';
import { trainLiveModel, writeTinyKnowledgeBase } from './fixtures/tiny-knowledge-base.ts';
import { auditEvents } from './harness/audit-events.ts';
import { staffToken } from './harness/staff-token.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

interface Release {
  number: number;
  rollbackOf: number | null;
  models: Record<string, string>;
  diff: { added: string[]; removed: string[]; changed: { id: string; changes: { field: string }[] }[] };
  trainings: { language: string; jobId: string; state: string; metrics: Record<string, number>; reason: string }[];
  restoredModels?: { language: string; package: string; restored: boolean }[];
}

describe('the knowledge base: drafts, maker-checker publishing, retraining and rollback', () => {
  let kbDir: string;
  let modelsDir: string;
  let zhFaqIds: string[];
  let kefu: TestApp;
  let editor: string;
  let approver: string;
  let editorApprover: string;
  let env: Record<string, string>;
  let replica: TestApp | undefined;

  beforeAll(async () => {
    kbDir = await mkdtemp(join(tmpdir(), 'kefu-kb-'));
    modelsDir = await mkdtemp(join(tmpdir(), 'kefu-kb-models-'));
    ({ zhFaqIds } = await writeTinyKnowledgeBase(kbDir));
    // The live model knows only 3 of the 8 FAQ items: a candidate trained on the release must beat it.
    await trainLiveModel(kbDir, modelsDir, 'zh', 3);
    env = {
      KEFU_KNOWLEDGE_SEED: 'true',
      KEFU_KNOWLEDGE_SEED_DIR: kbDir,
      KEFU_MODELS_DIR: modelsDir,
      KEFU_KNOWLEDGE_TRAINING_MEMBERS: '1',
    };
    kefu = await startTestApp({ env });
    editor = await staffToken(kefu, [Role.KbEditor]);
    approver = await staffToken(kefu, [Role.KbApprover]);
    editorApprover = await staffToken(kefu, [Role.KbEditor, Role.KbApprover]);
  }, 180_000);
  afterAll(async () => {
    await replica?.close();
    await kefu.close();
    await rm(kbDir, { recursive: true, force: true });
    await rm(modelsDir, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, token: string, body?: object) => {
    const response = await fetch(`${kefu.baseUrl}/api/v1/knowledge${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & Release };
  };
  const publishedItem = async (id: string) =>
    (await call('GET', `/items/${id}`, editor)).body as unknown as { content: Record<string, unknown> };
  const draftOf = async (token: string, itemId: string, change: (content: Record<string, unknown>) => object) => {
    const { content } = await publishedItem(itemId);
    const created = await call('POST', '/drafts', token, {
      itemId,
      action: 'upsert',
      kind: 'faq',
      language: 'zh',
      content: change(content),
    });
    expect(created.status).toBe(201);
    const submitted = await call('POST', `/drafts/${created.body.id}/submit`, token);
    expect(submitted.body.state).toBe('submitted');
    return created.body.id as string;
  };
  const finishedTraining = async (release: Release) => {
    const { jobId } = release.trainings[0] as { jobId: string };
    let status = (await call('GET', `/jobs/${jobId}`, approver)).body;
    while (status.state !== 'completed' && status.state !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await call('GET', `/jobs/${jobId}`, approver)).body;
    }
    return status;
  };
  const liveVersion = (app = kefu) =>
    app.app
      .get(ModelRegistry)
      .statuses()
      .find((model) => model.name === 'kb-zh')?.version;
  /** Another replica follows within a second or so: wait for it without asserting how long it takes. */
  const eventually = async <T>(read: () => T | Promise<T>, expected: T) => {
    while ((await read()) !== expected) await new Promise((resolve) => setTimeout(resolve, 200));
    return expected;
  };

  it('publishes an editor’s change only through another approver, shows the diff, serves it and retrains', async () => {
    const lostDebit = 'zh-card-lost-debit';
    const editorsDraft = await draftOf(editor, lostDebit, (content) => ({
      ...content,
      similar: [...(content.similar as string[]), '借记卡不见了怎么冻结'],
      answers: {
        default: {
          text: '请立即在手机银行挂失借记卡。',
          links: [{ title: '挂失指南', url: 'https://bank.example/lost' }],
        },
      },
    }));
    const ownDraft = await draftOf(editorApprover, 'zh-card-lost-credit', (content) => ({
      ...content,
      tags: ['信用卡'],
    }));

    const selfApproved = await call('POST', '/releases', editorApprover, { draftIds: [editorsDraft, ownDraft] });
    expect(selfApproved.status).toBe(403);
    expect(selfApproved.body).toMatchObject({ error: 'self_approval', message: expect.stringContaining(ownDraft) });
    expect(kefu.app.get(KnowledgeBase).currentRelease).toBe(1);

    const published = await call('POST', '/releases', approver, { draftIds: [editorsDraft], note: '挂失流程调整' });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ number: 2, diff: { added: [], removed: [] } });
    expect(published.body.diff.changed).toEqual([
      {
        id: lostDebit,
        changes: [
          expect.objectContaining({
            field: 'answers.default',
            after: expect.objectContaining({ text: '请立即在手机银行挂失借记卡。' }),
          }),
          expect.objectContaining({ field: 'similar' }),
        ],
      },
    ]);
    await expect(kefu.app.get(KnowledgeBase).find(lostDebit, 'web')).resolves.toMatchObject({
      answer: '请立即在手机银行挂失借记卡。',
      links: [{ title: '挂失指南', url: 'https://bank.example/lost' }],
    });
    expect((await call('GET', `/drafts/${editorsDraft}`, editor)).body).toMatchObject({
      state: 'approved',
      releaseNumber: 2,
    });
    expect(await auditEvents(kefu, { action: 'knowledge.publish' })).toContainEqual(
      expect.objectContaining({ targetId: '2', actorId: expect.not.stringContaining('system') }),
    );

    expect(published.body.trainings).toEqual([expect.objectContaining({ language: 'zh', state: 'queued' })]);
    const job = await finishedTraining(published.body);
    expect(job).toMatchObject({ state: 'completed', progress: 100, output: { state: 'activated' } });
    const release = (await call('GET', '/releases/2', approver)).body;
    expect(release.models.zh).toBe('releases/kb-zh-r2');
    const [training] = release.trainings;
    expect(training?.state).toBe('activated');
    expect(training?.metrics.candidateAccuracy).toBeGreaterThanOrEqual(training?.metrics.liveAccuracy as number);
    expect(liveVersion()).toBe('release-2');
  });

  it('serves the new release and its model on another replica too, also one that starts later', async () => {
    replica = await startTestApp({ databaseUrl: kefu.databaseUrl, env });
    expect(replica.app.get(KnowledgeBase).currentRelease).toBe(2);
    expect(liveVersion(replica)).toBe('release-2');
  });

  it('keeps a candidate that regresses on held-out questions out of service', async () => {
    const degraded = await Promise.all(
      zhFaqIds.map((id, n) => draftOf(editor, id, (content) => ({ ...content, similar: [`第${n}个无关的说法`] }))),
    );
    const published = await call('POST', '/releases', approver, { draftIds: degraded });
    expect(published.status).toBe(201);
    const job = await finishedTraining(published.body);
    expect(job).toMatchObject({ state: 'completed', output: { state: 'refused' } });
    const release = (await call('GET', `/releases/${published.body.number}`, approver)).body;
    expect(release.trainings[0]).toMatchObject({ state: 'refused', reason: expect.stringContaining('lower') });
    expect(release.trainings[0]?.metrics.candidateAccuracy).toBeLessThan(
      release.trainings[0]?.metrics.liveAccuracy as number,
    );
    expect(release.models.zh).toBe('releases/kb-zh-r2');
    expect(liveVersion()).toBe('release-2');
  });

  it('rolls back to an earlier release: its answers and its model serve again', async () => {
    const rolledBack = await call('POST', '/releases/1/rollback', approver, { note: '恢复初始版本' });
    expect(rolledBack.status).toBe(201);
    expect(rolledBack.body).toMatchObject({ rollbackOf: 1, models: { zh: 'kb-zh' } });
    expect(rolledBack.body.restoredModels).toEqual([{ language: 'zh', package: 'kb-zh', restored: true }]);
    const entry = await kefu.app.get(KnowledgeBase).find('zh-card-lost-debit', 'api');
    expect(entry?.answer).toContain('借记卡遗失请尽快挂失');
    expect(liveVersion()).toBe('fixture');
    expect(await auditEvents(kefu, { action: 'model.activate' })).toHaveLength(2);
    const other = replica as TestApp;
    await expect(eventually(() => liveVersion(other), 'fixture')).resolves.toBe('fixture');
    await expect(eventually(() => other.app.get(KnowledgeBase).currentRelease, 4)).resolves.toBe(4);
    await expect(other.app.get(KnowledgeBase).find('zh-card-lost-debit', 'web')).resolves.toMatchObject({
      answer: expect.stringContaining('借记卡遗失请尽快挂失'),
    });
  });

  it('names the field and the rule of every bad part of a draft', async () => {
    const bad = await call('POST', '/drafts', editor, {
      itemId: 'Bad Id',
      action: 'upsert',
      kind: 'faq',
      language: 'fr',
      content: {
        question: '',
        similar: [],
        answers: {
          default: { text: '<script>alert(1)</script>', links: [{ title: 'x', url: 'javascript:alert(1)' }] },
        },
        category: '银行卡//挂失',
        tags: [],
      },
    });
    expect(bad.status).toBe(400);
    const rules = (bad.body.violations as { field: string; rule: string }[]).map((v) => `${v.field}:${v.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'itemId:matches',
        'language:isIn',
        'content.question:isNotEmpty',
        'content.similar:arrayMinSize',
        'content.answers.default.text:isSafeRichText',
        'content.answers.default.links[0].url:isUrl',
        'content.category:matches',
      ]),
    );
    const noAnswer = await call('POST', '/drafts', editor, {
      itemId: 'zh-new-item',
      action: 'upsert',
      kind: 'faq',
      language: 'zh',
      content: { question: '新问题', similar: ['新说法'], answers: {}, category: '测试', tags: [] },
    });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body.violations).toEqual([
      expect.objectContaining({ field: 'content.answers.default', rule: 'requiredForKind' }),
    ]);
    // Arrays where one object belongs, and a missing content, were stored as they came (or failed with a 500).
    const answer = { text: '请拨打热线。', links: [{ title: '热线', url: 'https://bank.example/hotline' }] };
    const content = { question: '新问题', similar: ['新说法'], category: '测试', tags: [] };
    const shapes = [
      [{ content: { ...content, answers: { default: [answer] } } }, 'content.answers.default:isObject'],
      [
        { content: { ...content, answers: { default: { ...answer, links: [answer.links] } } } },
        'content.answers.default.links:isObject',
      ],
      [{ content: [{ ...content, answers: { default: answer } }] }, 'content:isObject'],
      [{}, 'content:isObject'],
      [{ content: { ...content, answers: { default: answer }, expiresAt: null } }, 'content.expiresAt:isIso8601'],
    ] as const;
    for (const [body, rule] of shapes) {
      const refused = await call('POST', '/drafts', editor, {
        itemId: 'zh-new-item',
        action: 'upsert',
        kind: 'faq',
        language: 'zh',
        ...body,
      });
      expect({
        status: refused.status,
        rules: (refused.body.violations as { field: string; rule: string }[]).map((v) => `${v.field}:${v.rule}`),
      }).toEqual({ status: 400, rules: expect.arrayContaining([rule]) });
    }
    const badRelease = await call('GET', '/releases/abc', editor);
    expect(badRelease.body.violations).toEqual([expect.objectContaining({ field: 'number', rule: 'isInt' })]);
    expect((await call('GET', '/releases/2147483648', editor)).status).toBe(400);
    for (const id of ['abc', 'a'.repeat(150)]) {
      expect((await call('GET', `/drafts/${id}`, editor)).body.violations).toEqual([
        expect.objectContaining({ field: 'id', rule: 'isUuid' }),
      ]);
    }
  });

  it('numbers releases published at the same moment one after the other, losing neither', async () => {
    const answerOnly = (text: string) => (content: Record<string, unknown>) => ({
      ...content,
      answers: { default: { text, links: [] } },
    });
    const [first, second] = await Promise.all([
      draftOf(editor, 'zh-card-activate-credit', answerOnly('新的激活说明。')),
      draftOf(editor, 'zh-credit-limit-raise', answerOnly('新的提额说明。')),
    ]);
    const before = kefu.app.get(KnowledgeBase).currentRelease;
    const published = await Promise.all([
      call('POST', '/releases', approver, { draftIds: [first] }),
      call('POST', '/releases', editorApprover, { draftIds: [second] }),
    ]);
    expect(published.map((p) => p.status)).toEqual([201, 201]);
    expect(published.map((p) => p.body.number).sort()).toEqual([before + 1, before + 2]);
    expect(published.every((p) => p.body.trainings.length === 0)).toBe(true);
    const knowledge = kefu.app.get(KnowledgeBase);
    await expect(knowledge.find('zh-card-activate-credit', 'web')).resolves.toMatchObject({ answer: '新的激活说明。' });
    await expect(knowledge.find('zh-credit-limit-raise', 'web')).resolves.toMatchObject({ answer: '新的提额说明。' });
  });

  it('lets only the author change a draft, and refuses publishing to editors', async () => {
    const draft = await call('POST', '/drafts', editor, {
      itemId: 'zh-card-lost-debit',
      action: 'delete',
    });
    expect(draft.status).toBe(201);
    const foreign = await call('POST', `/drafts/${draft.body.id}/submit`, editorApprover);
    expect(foreign.status).toBe(403);
    const editorPublishes = await call('POST', '/releases', editor, { draftIds: [draft.body.id] });
    expect(editorPublishes.status).toBe(403);
    expect(editorPublishes.body.error).toBe('forbidden');
  });
});
