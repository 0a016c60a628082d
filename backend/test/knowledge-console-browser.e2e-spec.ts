import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Role } from '../src/common/access/index.ts';
import { DemoIdentityProvider } from '../src/modules/auth/index.ts';
import { KnowledgeBase } from '../src/modules/knowledge/index.ts';
import { importColumns, importCsv, importRow } from './fixtures/knowledge-import-sheet.ts';
import { writeTinyKnowledgeBase } from './fixtures/tiny-knowledge-base.ts';
import { trainTinyModels } from './fixtures/tiny-models.ts';
import { launchChromium, screenshot, settled } from './harness/browser.ts';
import { consoleTab } from './harness/console-tab.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const PASSWORD = 'correct horse battery staple';
const people = {
  editor: { username: 'zhang.bianji', roles: [Role.KbEditor] },
  approver: { username: 'wang.shenhe', roles: [Role.KbApprover] },
  trainer: { username: 'li.xunlian', roles: [Role.Trainer] },
  secondTrainer: { username: 'zhao.xunlian', roles: [Role.Trainer] },
};

describe('knowledge and models in the console: maker-checker from draft to live model', () => {
  let kbDir: string;
  let modelsDir: string;
  let kefu: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    kbDir = await mkdtemp(join(tmpdir(), 'kefu-kb-console-'));
    modelsDir = await mkdtemp(join(tmpdir(), 'kefu-kb-console-models-'));
    const [, , launched] = await Promise.all([
      writeTinyKnowledgeBase(kbDir),
      trainTinyModels(modelsDir),
      launchChromium(),
    ]);
    browser = launched;
    kefu = await startTestApp({
      env: {
        KEFU_KNOWLEDGE_SEED: 'true',
        KEFU_KNOWLEDGE_SEED_DIR: kbDir,
        KEFU_MODELS_DIR: modelsDir,
        KEFU_KNOWLEDGE_TRAINING_MEMBERS: '1',
      },
    });
    const directory = kefu.app.get(DemoIdentityProvider).directory;
    for (const person of Object.values(people)) await directory.upsert(person.username, person.roles, PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await kefu?.close();
    await rm(kbDir, { recursive: true, force: true });
    await rm(modelsDir, { recursive: true, force: true });
  });

  /** Each person in their own browser context, signed in; HTTP errors other than `expectedFailures` are problems. */
  const consoleAs = (person: keyof typeof people, expectedFailures: RegExp[] = []) =>
    consoleTab(browser, kefu.baseUrl, { username: people[person].username, password: PASSWORD, expectedFailures });
  const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

  it('an editor drafts and submits; an import with a bad row lists it; an approver sees the diff and publishes', async () => {
    const editor = await consoleAs('editor', [/^HTTP 422 POST \/api\/v1\/knowledge\/import$/]);
    const { page } = editor;
    await page.waitForURL(`${kefu.baseUrl}/console/knowledge`);
    await tab(page, '草稿与审核');
    await page.getByRole('button', { name: '新建草稿' }).click();
    await page.getByLabel('条目标识').fill('zh-pet-insurance');
    await page.getByLabel('标准问题').fill('宠物保险在哪里买？');
    await page.getByLabel('相似问法').fill('你们有没有宠物保险\n宠物保险怎么买');
    await page.getByLabel('答案（默认）').fill('本行暂不销售宠物保险，可咨询合作保险公司。');
    await page.getByLabel('分类').fill('保险/宠物');
    await screenshot(page, 'knowledge-draft-form');
    await page.getByRole('button', { name: '保存草稿' }).click();
    const row = page.locator('.ant-table-row', { hasText: 'zh-pet-insurance' });
    await row.getByText('草稿', { exact: true }).waitFor();
    await row.getByText('提交审核').click();
    await row.getByText('待审核', { exact: true }).waitFor();
    await screenshot(page, 'knowledge-drafts');

    await tab(page, '批量导入');
    const good = { id: 'zh-good-row', kind: 'faq', language: 'zh', action: 'upsert', category: '信用卡' };
    const csv = importCsv([
      importColumns,
      importRow({ ...good, question: '信用卡年费多少', similar: '年费怎么收', answer: '首年免年费。' }),
      importRow({ ...good, id: 'zh-bad-row', question: '', similar: '没有标准问题', answer: '答案' }),
    ]);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'kb.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const errors = page.getByTestId('import-row-errors');
    await errors.waitFor();
    const errorRows = await errors.locator('.ant-table-row').allInnerTexts();
    expect(errorRows).toEqual([expect.stringMatching(/^3\s+question\s+.+/)]);
    await screenshot(page, 'knowledge-import-row-errors');
    expect(editor.problems).toEqual([]);
    await editor.close();

    const approver = await consoleAs('approver');
    await approver.page.waitForURL(`${kefu.baseUrl}/console/knowledge`);
    await tab(approver.page, '草稿与审核');
    const submitted = approver.page.locator('.ant-table-row', { hasText: 'zh-pet-insurance' });
    await submitted.getByText('审核', { exact: true }).click();
    const diff = approver.page.getByTestId('diff-view');
    await diff.getByText('本行暂不销售宠物保险，可咨询合作保险公司。').waitFor();
    await settled(approver.page);
    await screenshot(approver.page, 'knowledge-review-diff');
    const publishing = approver.page.waitForResponse((response) => response.url().endsWith('/knowledge/releases'));
    await approver.page.getByRole('button', { name: '批准并发布' }).click();
    expect((await publishing).status()).toBe(201);
    await approver.page.getByTestId('drafts-notice').getByText('已发布为版本 2').waitFor();
    await expect(kefu.app.get(KnowledgeBase).find('zh-pet-insurance', 'web')).resolves.toMatchObject({
      answer: '本行暂不销售宠物保险，可咨询合作保险公司。',
    });
    await tab(approver.page, '发布版本');
    await approver.page.locator('.ant-table-row', { hasText: '回滚到此版本' }).first().waitFor();
    expect(approver.problems).toEqual([]);
    await approver.close();
  });

  it('a trainer sees the retraining and proposes a package; only a second trainer can activate it', async () => {
    const trainer = await consoleAs('trainer', [
      /^HTTP 403 POST \/api\/v1\/nlu\/activation-proposals\/[^/]+\/approve$/,
    ]);
    const { page } = trainer;
    await page.waitForURL(`${kefu.baseUrl}/console/models`);
    const run = page.getByTestId('training-runs').locator('.ant-table-row').first();
    await run.locator('.ant-progress').waitFor();
    expect(await run.locator('td').first().textContent()).toBe('2');
    await screenshot(page, 'models-training-runs');

    await page.getByRole('button', { name: '申请上线' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('模型包').fill('kb-zh-candidate');
    await dialog.getByLabel('说明（可选）').fill('候选模型在新问法上更准');
    await dialog.getByRole('button', { name: '申请上线' }).click();
    const proposal = page.getByTestId('activation-proposals').locator('.ant-table-row', { hasText: 'kb-zh-candidate' });
    await proposal.getByText('待批准').waitFor();
    await proposal.getByRole('button', { name: '批准上线' }).click();
    await page.getByTestId('self-approval').getByText('四眼原则：不能审批自己提交的变更').waitFor();
    await screenshot(page, 'models-self-approval-refused');
    expect(trainer.problems).toEqual([]);
    await trainer.close();

    const second = await consoleAs('secondTrainer');
    await second.page.waitForURL(`${kefu.baseUrl}/console/models`);
    const pending = second.page
      .getByTestId('activation-proposals')
      .locator('.ant-table-row', { hasText: 'kb-zh-candidate' });
    await pending.getByRole('button', { name: '批准上线' }).click();
    await second.page.getByText('已上线：kb-zh seed-2').waitFor();
    await pending.getByText('已上线').waitFor();
    await second.page.getByTestId('live-models').getByText('seed-2').first().waitFor();
    await screenshot(second.page, 'models-activated-by-second-person');
    expect(second.problems).toEqual([]);
    await second.close();
  });
});
