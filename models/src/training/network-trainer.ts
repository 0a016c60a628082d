import { AdamOptimizer, TouchedRows } from './adam-optimizer.ts';
import { EmbeddingBagNetwork, type NetworkShape } from './embedding-bag-network.ts';
import type { EncodedExample } from './feature-vocabulary.ts';
import { dropFeatures, runMinibatches, smoothedTargets } from './minibatch-schedule.ts';
import { SeededRandom } from './seeded-random.ts';
import type { TrainingOptions } from './training-options.ts';

/** Trains one EmbeddingBagNetwork with mini-batch Adam on softmax cross-entropy with label smoothing. */
export class NetworkTrainer {
  train(examples: EncodedExample[], shape: NetworkShape, idf: Float32Array, options: TrainingOptions, seed: number) {
    const random = new SeededRandom(seed);
    const net = new EmbeddingBagNetwork(shape);
    const { rows, dim, hidden, classes } = shape;
    net.idf.set(idf);
    const embeddingLimit = 1 / Math.sqrt(dim);
    for (let i = dim; i < net.embedding.length; i++) net.embedding[i] = random.uniform(embeddingLimit);
    const w1Limit = Math.sqrt(6 / (dim + hidden));
    for (let i = 0; i < net.w1.length; i++) net.w1[i] = random.uniform(w1Limit);
    const w2Limit = Math.sqrt(6 / (hidden + classes));
    for (let i = 0; i < net.w2.length; i++) net.w2[i] = random.uniform(w2Limit);

    const grads = {
      embedding: new Float32Array(net.embedding.length),
      w1: new Float32Array(net.w1.length),
      b1: new Float32Array(net.b1.length),
      w2: new Float32Array(net.w2.length),
      b2: new Float32Array(net.b2.length),
    };
    const optimizers = {
      embedding: new AdamOptimizer(net.embedding),
      w1: new AdamOptimizer(net.w1),
      b1: new AdamOptimizer(net.b1),
      w2: new AdamOptimizer(net.w2),
      b2: new AdamOptimizer(net.b2),
    };
    const touched = new TouchedRows(rows);
    const { onTarget, offTarget } = smoothedTargets(options, classes);
    const dLogits = new Float32Array(classes);
    const dHidden = new Float32Array(hidden);
    const dPooled = new Float32Array(dim);
    const { w1, w2 } = net;
    const { embedding: gEmbedding, w1: gW1, b1: gB1, w2: gW2, b2: gB2 } = grads;

    const learn = (batch: number[], scale: number) => {
      for (const index of batch) {
        const example = examples[index];
        const values = dropFeatures(example.values, options.featureDropout, random);
        const act = net.forward(example.rows, values);
        const probabilities = act.probabilities;
        const activeHidden = act.hidden;
        const pooled = act.pooled;
        for (let c = 0; c < classes; c++) {
          const g = (probabilities[c] - (c === example.label ? onTarget : offTarget)) * scale;
          dLogits[c] = g;
          gB2[c] += g;
        }
        for (let j = 0; j < hidden; j++) {
          const h = activeHidden[j];
          if (h <= 0) {
            dHidden[j] = 0;
            continue;
          }
          const base = j * classes;
          let sum = 0;
          for (let c = 0; c < classes; c++) {
            const g = dLogits[c];
            gW2[base + c] += h * g;
            sum += w2[base + c] * g;
          }
          dHidden[j] = sum;
          gB1[j] += sum;
        }
        for (let d = 0; d < dim; d++) {
          const x = pooled[d];
          const base = d * hidden;
          let sum = 0;
          for (let j = 0; j < hidden; j++) {
            const g = dHidden[j];
            gW1[base + j] += x * g;
            sum += w1[base + j] * g;
          }
          dPooled[d] = sum;
        }
        const exampleRows = example.rows;
        const weights = act.weights;
        for (let i = 0; i < exampleRows.length; i++) {
          const row = exampleRows[i];
          const w = weights[i];
          if (row === 0 || w === 0) continue;
          touched.add(row);
          const base = row * dim;
          for (let d = 0; d < dim; d++) gEmbedding[base + d] += w * dPooled[d];
        }
      }
    };
    const step = (lr: number, t: number) => {
      optimizers.embedding.stepRows(grads.embedding, touched, dim, lr, t);
      optimizers.w1.step(grads.w1, lr, t);
      optimizers.b1.step(grads.b1, lr, t);
      optimizers.w2.step(grads.w2, lr, t);
      optimizers.b2.step(grads.b2, lr, t);
    };
    runMinibatches(examples.length, options, random, learn, step);
    // Rows this member never trained (features only in examples held out from it) must not add random noise.
    const seen = new Uint8Array(rows);
    for (const example of examples) for (const row of example.rows) seen[row] = 1;
    for (let row = 1; row < rows; row++) if (!seen[row]) net.embedding.fill(0, row * dim, (row + 1) * dim);
    return net;
  }
}
