import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildRequest } from '../src/training/intent-model-builder.ts';
import type { LabeledText } from '../src/training/labeled-text.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export function readFixture(name: string): LabeledText[] {
  return readFileSync(join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabeledText);
}

/** A small, fast model: the mini banking set, two members so ensembling is exercised. */
export function miniBankingRequest(overrides: Partial<BuildRequest> = {}): BuildRequest {
  return {
    id: 'banking-mini',
    version: '1',
    task: 'intent',
    createdAt: '2026-03-04T10:00:00.000Z',
    train: readFixture('banking-mini/train.jsonl'),
    featurizer: { buckets: 1 << 16 },
    training: { members: 2, dim: 24, hidden: 32, epochs: 12, minSteps: 100, seed: 7 },
    ...overrides,
  };
}
