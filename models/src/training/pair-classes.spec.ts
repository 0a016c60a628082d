import { pairClasses } from './pair-classes.ts';
import { PairThresholdCalibrator } from './pair-threshold-calibrator.ts';

describe('pairClasses', () => {
  it('joins questions linked by same-meaning pairs, directly or through others, into one class', () => {
    const classes = pairClasses([
      { a: 'lost card', b: 'card missing', label: 1 },
      { a: 'card missing', b: 'card stolen', label: 1 },
      { a: 'lost card', b: 'exchange rate', label: 0 },
    ]);
    const labelOf = new Map(classes.map((c) => [c.text, c.label]));
    expect(labelOf.get('lost card')).toBe(labelOf.get('card stolen'));
    expect(labelOf.get('exchange rate')).not.toBe(labelOf.get('lost card'));
    expect(classes).toHaveLength(4);
  });
});

describe('PairThresholdCalibrator', () => {
  it('chooses the similarity that separates same from different pairs', () => {
    const pairs = [0.9, 0.8, 0.75].map((similarity) => ({ similarity, same: true }));
    pairs.push(...[0.2, 0.5, 0.7].map((similarity) => ({ similarity, same: false })));
    expect(new PairThresholdCalibrator().calibrate(pairs)).toBe(0.75);
  });
});
