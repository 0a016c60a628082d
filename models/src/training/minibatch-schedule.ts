import type { SeededRandom } from './seeded-random.ts';
import type { TrainingOptions } from './training-options.ts';

/**
 * The optimisation schedule every ensemble model follows: shuffled mini-batches for `epochs` (more for small data
 * sets, so there are at least `minSteps` steps), learning rate decaying linearly to zero. `learn` accumulates the
 * gradients of one batch (`scale` = 1 / batch size); `step` applies them with the step's learning rate.
 */
export function runMinibatches(
  count: number,
  options: TrainingOptions,
  random: SeededRandom,
  learn: (batch: number[], scale: number) => void,
  step: (lr: number, t: number) => void,
): void {
  const order = Array.from({ length: count }, (_, i) => i);
  const batches = Math.ceil(count / options.batchSize);
  const epochs = Math.max(options.epochs, Math.ceil(options.minSteps / batches));
  const totalSteps = batches * epochs;
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    random.shuffle(order);
    for (let b = 0; b < batches; b++) {
      const batch = order.slice(b * options.batchSize, (b + 1) * options.batchSize);
      learn(batch, 1 / batch.length);
      t++;
      step(options.learningRate * (1 - (t - 1) / totalSteps), t);
    }
  }
}

/** Label-smoothed targets: the probability the loss asks for on the true class and on each other class. */
export function smoothedTargets(options: TrainingOptions, classes: number): { onTarget: number; offTarget: number } {
  const offTarget = options.labelSmoothing / classes;
  return { onTarget: 1 - options.labelSmoothing + offTarget, offTarget };
}

/** A copy of `values` with each feature hidden (set to 0) with probability `rate`. */
export function dropFeatures(values: Float32Array, rate: number, random: SeededRandom): Float32Array {
  if (rate <= 0) return values;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = random.next() < rate ? 0 : values[i];
  return out;
}
