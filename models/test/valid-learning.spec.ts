import { IntentModelBuilder } from '../src/training/intent-model-builder.ts';
import { miniBankingRequest, readFixture } from './model-fixtures.ts';

const refuse = [
  'how do I open a brokerage account',
  'can I get a mortgage with you',
  'what are your branch opening hours',
  'do you offer travel insurance',
  'how do I close my savings account',
  'can I pay my taxes through the app',
  'what is the interest on a car loan',
  'do you have a student account',
].map((text) => ({ text, label: 'oos' }));

describe('learning from the valid split', () => {
  const valid = [...readFixture('banking-mini/test.jsonl').slice(0, 24), ...refuse];

  it('asked to, learns valid too, cross-fitted: its oos examples become a class and each valid message is scored once', async () => {
    const built = await new IntentModelBuilder().build(miniBankingRequest({ valid, learnFromValid: true }));
    expect(built.manifest.labels).toContain('oos');
    expect(built.manifest.data.validExamples).toBe(valid.length);
    expect(built.manifest.metrics.valid_examples).toBe(valid.length);
    expect(built.manifest.thresholds.method).toMatch(/out-of-scope recall ≥ 0\.862/);
  }, 60_000);

  it('by default uses valid for thresholds only, as the benchmark protocol asks', async () => {
    const built = await new IntentModelBuilder().build(miniBankingRequest({ valid }));
    expect(built.manifest.labels).not.toContain('oos');
    expect(built.manifest.data.validExamples).toBeUndefined();
    expect(built.manifest.metrics.valid_examples).toBe(valid.length);
  }, 60_000);
});
