import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Command } from 'commander';
import { trainDefaultModels } from '../src/cli/default-models.ts';
import { registerNluCommands } from '../src/cli/nlu-commands.ts';
import { evaluate } from '../src/cli/nlu-evaluate.ts';
import { train } from '../src/cli/nlu-train.ts';
import { IntentClassifier } from '../src/runtime/intent-classifier.ts';
import { FIXTURES } from './model-fixtures.ts';

const SMALL = { members: 1, dim: 24, hidden: 32, epochs: 12, minSteps: 100, seed: 3 };

describe('kefu train / kefu eval / kefu train-defaults', () => {
  let out: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'kefu-cli-'));
  });

  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('trains a model package that the runtime loads and that answers known questions', async () => {
    const dir = join(out, 'trained');
    const manifest = await train({
      data: join(FIXTURES, 'banking-mini'),
      out: dir,
      id: 'mini',
      training: SMALL,
      createdAt: new Date('2026-03-04T00:00:00Z'),
    });
    expect(manifest.labels).toHaveLength(8);
    const classifier = await IntentClassifier.load(dir);
    await expect(classifier.classify('I lost my card, please block it')).resolves.toMatchObject({
      intent: 'lost_or_stolen_card',
    });
    await classifier.release();
  }, 60_000);

  it('evaluates intents on test.jsonl with accuracy, macro F1 and speed figures', async () => {
    const result = await evaluate({ data: join(FIXTURES, 'banking-mini'), training: SMALL });
    expect(result).toMatchObject({
      task: 'intent',
      accuracy: expect.any(Number),
      macro_f1: expect.any(Number),
      p50_us: expect.any(Number),
      p99_us: expect.any(Number),
      throughput_per_s: expect.any(Number),
    });
    expect(result.accuracy).toBeGreaterThan(0.7);
    expect(result).not.toHaveProperty('oos_recall');
  }, 60_000);

  it('evaluates question pairs with the embedding similarity matcher', async () => {
    const result = await evaluate({ data: join(FIXTURES, 'banking-pairs'), task: 'pairs', training: SMALL });
    expect(result).toMatchObject({ task: 'pairs', f1: expect.any(Number), threshold: expect.any(Number) });
    expect(result.accuracy).toBeGreaterThan(0.6);
  }, 60_000);

  it('trains one FAQ model per demo knowledge-base language and the sentiment model', async () => {
    const dir = join(out, 'defaults');
    const manifests = await trainDefaultModels({ data: join(FIXTURES, 'default-data'), out: dir, training: SMALL });
    expect(manifests.map((m) => [m.id, m.task, m.labels.length])).toEqual([
      ['kb-zh', 'faq', 4],
      ['sentiment', 'sentiment', 4],
    ]);
    const faq = await IntentClassifier.load(join(dir, 'kb-zh'));
    await expect(faq.classify('我的银行卡丢了')).resolves.toMatchObject({ intent: 'zh-card-lost' });
    await faq.release();
    const again = await trainDefaultModels({ data: join(FIXTURES, 'default-data'), out: dir, missingOnly: true });
    expect(again).toEqual([]);
  }, 60_000);

  it('mounts train and eval on a commander program', async () => {
    const program = registerNluCommands(new Command('kefu').exitOverride());
    expect(program.commands.map((c) => c.name())).toEqual(['train', 'eval', 'train-defaults']);
    const dir = join(out, 'from-cli');
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const args = ['train', '--data', join(FIXTURES, 'banking-mini'), '--out', dir, '--seed', '5', '--members', '1'];
      await program.parseAsync(args, { from: 'user' });
    } finally {
      write.mockRestore();
    }
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.training).toMatchObject({ seed: 5, members: 1 });
  }, 60_000);
});
