import { AdamOptimizer, TouchedRows } from './adam-optimizer.ts';
import type { EncodedExample } from './feature-vocabulary.ts';
import { LinearBagModel, type LinearShape } from './linear-bag-model.ts';
import { dropFeatures, runMinibatches, smoothedTargets } from './minibatch-schedule.ts';
import { SeededRandom } from './seeded-random.ts';
import type { TrainingOptions } from './training-options.ts';

/**
 * Trains a LinearBagModel with the networks' schedule, loss and feature dropout but its own, lower learning rate
 * (`linearLearningRate`; zero initialisation: the problem is convex, so no random start is needed; the seed only
 * orders the batches and drops features).
 */
export class LinearBagTrainer {
  train(examples: EncodedExample[], shape: LinearShape, idf: Float32Array, options: TrainingOptions, seed: number) {
    const random = new SeededRandom(seed);
    const model = new LinearBagModel(shape);
    const { rows, classes } = shape;
    model.idf.set(idf);
    const gWeights = new Float32Array(model.weights.length);
    const gBias = new Float32Array(classes);
    const weightOptimizer = new AdamOptimizer(model.weights);
    const biasOptimizer = new AdamOptimizer(model.bias);
    const touched = new TouchedRows(rows);
    const { onTarget, offTarget } = smoothedTargets(options, classes);
    const dLogits = new Float32Array(classes);

    const learn = (batch: number[], scale: number) => {
      for (const index of batch) {
        const example = examples[index];
        const values = dropFeatures(example.values, options.featureDropout, random);
        const { weights, probabilities } = model.forward(example.rows, values);
        for (let c = 0; c < classes; c++) {
          const g = (probabilities[c] - (c === example.label ? onTarget : offTarget)) * scale;
          dLogits[c] = g;
          gBias[c] += g;
        }
        for (let i = 0; i < example.rows.length; i++) {
          const row = example.rows[i];
          const w = weights[i];
          if (row === 0 || w === 0) continue;
          touched.add(row);
          const base = row * classes;
          for (let c = 0; c < classes; c++) gWeights[base + c] += w * dLogits[c];
        }
      }
    };
    const step = (lr: number, t: number) => {
      weightOptimizer.stepRows(gWeights, touched, classes, lr, t);
      biasOptimizer.step(gBias, lr, t);
    };
    runMinibatches(examples.length, { ...options, learningRate: options.linearLearningRate }, random, learn, step);
    return model;
  }
}
