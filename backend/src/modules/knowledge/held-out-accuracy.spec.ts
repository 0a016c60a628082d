import type { IntentPrediction } from '@kefu/models';
import { heldOutAccuracy, heldOutFor } from './held-out-accuracy.ts';

const predicted = (intent: string, oos = false): IntentPrediction =>
  ({ intent, confidence: 0.9, topK: [], oos, coverage: 1 }) as IntentPrediction;

describe('the retraining gate’s held-out score', () => {
  it('counts an in-scope question right only when answered with its item, an out-of-scope one when rejected', () => {
    const questions = [
      { text: 'a', label: 'zh-a' },
      { text: 'b', label: 'zh-b' },
      { text: 'c', label: 'oos' },
      { text: 'd', label: 'zh-a' },
    ];
    const predictions = [predicted('zh-a'), predicted('zh-b', true), predicted('zh-a', true), predicted('zh-b')];
    expect(heldOutAccuracy(questions, predictions)).toBe(0.5);
    expect(heldOutAccuracy([], [])).toBeNaN();
  });

  it('scores on starter questions whose item still exists, out-of-scope ones, and the items’ own held-out questions', () => {
    const starter = [
      { text: 'kept', label: 'zh-a' },
      { text: 'deleted', label: 'zh-gone' },
      { text: 'weather', label: 'oos' },
    ];
    const items = [
      { id: 'zh-a', content: { heldOut: ['own question'] } },
      { id: 'zh-b', content: {} },
    ];
    expect(heldOutFor(starter, items)).toEqual([
      { text: 'kept', label: 'zh-a' },
      { text: 'weather', label: 'oos' },
      { text: 'own question', label: 'zh-a' },
    ]);
  });
});
