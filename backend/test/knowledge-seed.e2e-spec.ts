import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeBase } from '../src/modules/knowledge/index.ts';
import { writeTinyKnowledgeBase } from './fixtures/tiny-knowledge-base.ts';
import { auditEvents } from './harness/audit-events.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

describe('the starter knowledge base', () => {
  let kbDir: string;
  let first: TestApp;

  beforeAll(async () => {
    kbDir = await mkdtemp(join(tmpdir(), 'kefu-kb-seed-'));
    await writeTinyKnowledgeBase(kbDir);
    first = await startTestApp({ env: { KEFU_KNOWLEDGE_SEED: 'true', KEFU_KNOWLEDGE_SEED_DIR: kbDir } });
  });
  afterAll(async () => {
    await first.close();
    await rm(kbDir, { recursive: true, force: true });
  });

  it('is published as release 1 by the system, audited, and answers at once', async () => {
    const knowledge = first.app.get(KnowledgeBase);
    expect(knowledge.currentRelease).toBe(1);
    await expect(knowledge.find('zh-card-lost-debit', 'web')).resolves.toMatchObject({
      id: 'zh-card-lost-debit',
      kind: 'faq',
      language: 'zh',
      question: '借记卡丢了怎么挂失？',
      answer: expect.stringContaining('挂失'),
      links: [],
      category: '银行卡/挂失',
    });
    await expect(knowledge.find('zh-chitchat-greeting', 'api')).resolves.toMatchObject({ kind: 'chitchat' });
    await expect(knowledge.find('no-such-item', 'web')).resolves.toBeUndefined();
    const entries = await knowledge.findMany(['zh-card-lost-debit', 'no-such-item', 'en-chitchat-greeting'], 'web');
    expect(entries.map((entry) => entry.id)).toEqual(['zh-card-lost-debit', 'en-chitchat-greeting']);
    const published = await auditEvents(first, { action: 'knowledge.publish' });
    expect(published).toEqual([
      expect.objectContaining({ actorId: 'system:knowledge-seed', targetId: '1', outcome: 'success' }),
    ]);
  });

  it('is published once, whether replicas start together or the app restarts', async () => {
    const env = { KEFU_KNOWLEDGE_SEED: 'true', KEFU_KNOWLEDGE_SEED_DIR: kbDir };
    const replicas = await Promise.all([
      startTestApp({ databaseUrl: first.databaseUrl, env }),
      startTestApp({ databaseUrl: first.databaseUrl, env }),
    ]);
    try {
      for (const replica of replicas) expect(replica.app.get(KnowledgeBase).currentRelease).toBe(1);
      expect(await auditEvents(first, { action: 'knowledge.publish' })).toHaveLength(1);
    } finally {
      for (const replica of replicas) await replica.close();
    }
  });
});
