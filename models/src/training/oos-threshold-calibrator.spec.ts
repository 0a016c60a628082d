import { OosThresholdCalibrator } from './oos-threshold-calibrator.ts';
import { decide, type HeldOutPrediction } from './oos-thresholds.ts';

const inScope = (confidence: number, intent = 'a', coverage = 0.9): HeldOutPrediction => ({
  predicted: intent,
  actual: intent,
  confidence,
  coverage,
});
const outOfScope = (confidence: number): HeldOutPrediction => ({
  predicted: 'a',
  actual: 'oos',
  confidence,
  coverage: 0.9,
});

describe('OosThresholdCalibrator', () => {
  const calibrator = new OosThresholdCalibrator();

  it('without out-of-scope data keeps 95% of correct held-out answers', () => {
    const held = Array.from({ length: 100 }, (_, i) => inScope(0.3 + i * 0.007));
    const { confidence } = calibrator.calibrate(held);
    expect(held.filter((p) => p.confidence < confidence)).toHaveLength(5);
  });

  it('with out-of-scope data picks the threshold that best separates them from in-scope answers', () => {
    const held = [0.9, 0.8, 0.7, 0.6].map((c) => inScope(c)).concat([0.5, 0.4, 0.55].map(outOfScope));
    expect(calibrator.calibrate(held).confidence).toBe(0.6);
  });

  it('with out-of-scope data answers the most in-scope questions while refusing 70% of out-of-scope ones (+1 SE)', () => {
    const held = [
      ...Array.from({ length: 100 }, (_, i) => inScope(0.5 + i * 0.005)),
      ...Array.from({ length: 100 }, (_, i) => outOfScope(i * 0.007)),
    ];
    const { confidence } = calibrator.calibrate(held);
    // 0.7 + sqrt(0.7 · 0.3 / 100) = 0.746: 75 of 100, and not one more.
    expect(held.filter((p) => p.actual === 'oos' && p.confidence < confidence)).toHaveLength(75);
  });

  it('counts out-of-scope messages predicted as the learnt `oos` class as refused', () => {
    const learnt = (confidence: number) => ({ ...outOfScope(confidence), predicted: 'oos' });
    const held = [0.9, 0.8, 0.7, 0.6].map((c) => inScope(c)).concat([0.95, 0.9, 0.85].map(learnt));
    expect(calibrator.calibrate(held).confidence).toBe(0);
  });

  it("judges by the linear model's probability when that separates the held-out out-of-scope questions better", () => {
    const withLinear = (p: HeldOutPrediction, linearConfidence: number) => ({ ...p, linearConfidence });
    const held = [
      ...[0.9, 0.8, 0.7, 0.6].map((c) => withLinear(inScope(0.9), c)),
      ...[0.5, 0.4, 0.3].map((c) => withLinear(outOfScope(0.95), c)),
    ];
    const thresholds = calibrator.calibrate(held);
    expect(thresholds).toMatchObject({ score: 'linear', confidence: 0.6 });
    expect(held.map((p) => decide(p, thresholds))).toEqual(['a', 'a', 'a', 'a', 'oos', 'oos', 'oos']);
  });

  it('keeps the ensemble probability when the linear one is missing for some held-out messages', () => {
    const held = [inScope(0.9), { ...inScope(0.8), linearConfidence: 0.9 }, outOfScope(0.5)];
    expect(calibrator.calibrate(held).score).toBe('probability');
  });

  it('gives a systematically less confident intent a lower threshold of its own, never below half the global one', () => {
    const held = [
      ...Array.from({ length: 40 }, (_, i) => inScope(0.8 + i * 0.004, 'confident')),
      ...Array.from({ length: 20 }, (_, i) => inScope(0.3 + i * 0.01, 'hesitant')),
    ];
    const thresholds = calibrator.calibrate(held);
    expect(thresholds.perIntent.hesitant).toBeLessThan(thresholds.confidence);
    expect(thresholds.perIntent.hesitant).toBeGreaterThanOrEqual(thresholds.confidence / 2);
    expect(thresholds.perIntent.confident).toBeUndefined();
  });

  it('rejects low-confidence, low-coverage and explicitly out-of-scope predictions', () => {
    const t = { confidence: 0.5, perIntent: { b: 0.3 }, coverage: 0.45, method: '' };
    expect(decide({ predicted: 'a', confidence: 0.6, coverage: 0.9 }, t)).toBe('a');
    expect(decide({ predicted: 'a', confidence: 0.4, coverage: 0.9 }, t)).toBe('oos');
    expect(decide({ predicted: 'b', confidence: 0.4, coverage: 0.9 }, t)).toBe('b');
    expect(decide({ predicted: 'a', confidence: 0.9, coverage: 0.3 }, t)).toBe('oos');
    expect(decide({ predicted: 'oos', confidence: 0.9, coverage: 0.9 }, t)).toBe('oos');
    const byLinear = { ...t, score: 'linear' as const };
    expect(decide({ predicted: 'a', confidence: 0.9, linearConfidence: 0.4, coverage: 0.9 }, byLinear)).toBe('oos');
    // A model without a linear part is judged by its probability whatever the thresholds say.
    expect(decide({ predicted: 'a', confidence: 0.9, coverage: 0.9 }, byLinear)).toBe('a');
  });
});
