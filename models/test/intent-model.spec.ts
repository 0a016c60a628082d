import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelIntegrityError } from '../src/artifacts/model-integrity.error.ts';
import { MODEL_CARD_FILE, MODEL_FILE } from '../src/artifacts/model-manifest.ts';
import { ModelPackage } from '../src/artifacts/model-package.ts';
import { IntentClassifier } from '../src/runtime/intent-classifier.ts';
import { type BuiltModel, IntentModelBuilder } from '../src/training/intent-model-builder.ts';
import { miniBankingRequest, readFixture } from './model-fixtures.ts';

describe('intent model: training, export and serving', () => {
  let dir: string;
  let built: BuiltModel;
  let classifier: IntentClassifier;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kefu-model-'));
    built = await new IntentModelBuilder().build(miniBankingRequest());
    await ModelPackage.write(join(dir, 'model'), built.onnx, built.manifest);
    classifier = await IntentClassifier.load(join(dir, 'model'));
  }, 60_000);

  afterAll(async () => {
    await classifier.release();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes byte-identical ONNX when trained twice on the same data and seed', async () => {
    const again = await new IntentModelBuilder().build(miniBankingRequest({ createdAt: '2030-01-01T00:00:00.000Z' }));
    expect(Buffer.from(again.onnx).equals(Buffer.from(built.onnx))).toBe(true);
  }, 30_000);

  it('writes a different model for a different seed', async () => {
    const training = { ...miniBankingRequest().training, seed: 8 };
    const other = await new IntentModelBuilder().build(miniBankingRequest({ training }));
    expect(Buffer.from(other.onnx).equals(Buffer.from(built.onnx))).toBe(false);
  }, 30_000);

  it('agrees with the TypeScript forward pass when run through onnxruntime', async () => {
    const texts = ['where is my new card', '我的銀行卡丟了', 'what is the boiling point of tungsten', ''];
    const features = texts.map((t) => classifier.featurizer.featurize(t));
    const onnx = await classifier.score(features);
    features.forEach((f, i) => {
      const ts = built.ensemble.score(f);
      const probabilities = onnx.probabilities.subarray(i * onnx.classes, (i + 1) * onnx.classes);
      const embedding = onnx.embedding.subarray(i * onnx.embeddingWidth, (i + 1) * onnx.embeddingWidth);
      expect(maxDifference(probabilities, ts.probabilities)).toBeLessThan(1e-5);
      expect(maxDifference(embedding, ts.embedding)).toBeLessThan(1e-4);
      expect(onnx.coverage[i]).toBeCloseTo(ts.coverage, 6);
      // The linear model's own probabilities, which the out-of-scope rule may be calibrated on.
      const linear = (onnx.linearProbabilities as Float32Array).subarray(i * onnx.classes, (i + 1) * onnx.classes);
      expect(maxDifference(linear, ts.linearProbabilities as Float32Array)).toBeLessThan(1e-5);
    });
  });

  it('answers held-out questions in English and traditional Chinese with the right intent', async () => {
    const test = readFixture('banking-mini/test.jsonl');
    const predictions = await classifier.classifyBatch(test.map((e) => e.text));
    const correct = predictions.filter((p, i) => p.intent === test[i].label).length;
    expect(correct / test.length).toBeGreaterThan(0.8);
    await expect(classifier.classify('我的銀行卡丟了怎麼辦')).resolves.toMatchObject({
      intent: 'lost_or_stolen_card',
      oos: false,
    });
  });

  it.each(['what is the boiling point of tungsten', '今天天气怎么样', 'recommend a good pizza recipe'])(
    'says "I don\'t know" (oos) to the unrelated question %s',
    async (text) => {
      await expect(classifier.classify(text)).resolves.toMatchObject({ oos: true });
    },
  );

  it('finds two paraphrases more alike than two different questions', async () => {
    const same = await classifier.samePair('my new card has not arrived', 'still waiting for my card to be delivered');
    const different = await classifier.samePair('my new card has not arrived', 'what is the euro exchange rate');
    expect(same.similarity).toBeGreaterThan(different.similarity);
    expect(different.same).toBe(false);
  });

  it('gives the same answer for a message alone and inside a batch', async () => {
    const batch = await classifier.classifyBatch(['my card has not arrived yet', 'exchange rate for euros', 'hi']);
    const alone = await classifier.classify('exchange rate for euros');
    expect(batch[1].intent).toBe(alone.intent);
    expect(batch[1].confidence).toBeCloseTo(alone.confidence, 5);
    expect(alone.topK).toHaveLength(3);
  });

  it('answers messages asked for at the same time as it answers each alone, each with its own top k', async () => {
    const texts = Array.from(
      { length: 40 },
      (_, i) => ['my card has not arrived yet', 'exchange rate for euros', 'hi'][i % 3],
    );
    const together = await Promise.all(texts.map((text, i) => classifier.classify(text, 1 + (i % 3))));
    const alone = await classifier.classify('my card has not arrived yet');
    const first = together[0];
    expect(first.intent).toBe(alone.intent);
    expect(first.confidence).toBeCloseTo(alone.confidence, 5);
    expect(together.map((prediction) => prediction.topK.length)).toEqual(texts.map((_, i) => 1 + (i % 3)));
    expect(together[3]).toEqual({ ...first, topK: together[3].topK });
  });

  it('refuses a package whose ONNX file has one changed byte', async () => {
    const tampered = join(dir, 'tampered');
    await cp(join(dir, 'model'), tampered, { recursive: true });
    const bytes = await readFile(join(tampered, MODEL_FILE));
    bytes[bytes.length - 10] ^= 1;
    await writeFile(join(tampered, MODEL_FILE), bytes);
    await expect(IntentClassifier.load(tampered)).rejects.toThrow(ModelIntegrityError);
    await expect(IntentClassifier.load(tampered)).rejects.toThrow(/model\.onnx refused: sha256/);
  });

  it('answers an empty batch with nothing and an empty message with "I don\'t know"', async () => {
    await expect(classifier.classifyBatch([])).resolves.toEqual([]);
    await expect(classifier.embed([])).resolves.toEqual([]);
    expect((await classifier.score([])).probabilities).toHaveLength(0);
    await expect(classifier.classify('')).resolves.toMatchObject({ oos: true, coverage: 0 });
  });

  it('refuses a directory without a manifest', async () => {
    await expect(IntentClassifier.load(dir)).rejects.toThrow(/manifest\.json refused: missing/);
  });

  it('refuses a package whose model card was edited', async () => {
    const edited = join(dir, 'edited');
    await cp(join(dir, 'model'), edited, { recursive: true });
    await writeFile(join(edited, MODEL_CARD_FILE), 'all good, trust me\n');
    await expect(IntentClassifier.load(edited)).rejects.toThrow(/model-card\.md refused/);
  });

  it('records featurizer config, labels, thresholds and file hashes in the manifest', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'model', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      id: 'banking-mini',
      createdAt: '2026-03-04T10:00:00.000Z',
      featurizer: { buckets: 1 << 16 },
      labels: expect.arrayContaining(['card_arrival', 'exchange_rate']),
      thresholds: { confidence: expect.any(Number), coverage: expect.any(Number) },
      files: { [MODEL_FILE]: expect.stringMatching(/^[0-9a-f]{64}$/), [MODEL_CARD_FILE]: expect.any(String) },
    });
  });
});

function maxDifference(a: Float32Array, b: Float32Array): number {
  expect(a).toHaveLength(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}
