import { softmax, tfidfWeights } from './embedding-bag-network.ts';

/** Sizes of the linear model: rows as in NetworkShape (row 0 = every unseen bucket, stays zero). */
export interface LinearShape {
  rows: number;
  classes: number;
}

/**
 * Softmax regression on the same normalised TF-IDF features as the networks: a second model family in the
 * ensemble. With one weight per feature and class and no hidden layer, it errs differently from the networks and
 * its probability stays low for questions whose features are evidence for no intent in particular, which makes it
 * the better out-of-scope score. `weights` is rows×classes, laid out as the ONNX graph gathers it.
 */
export class LinearBagModel {
  readonly idf: Float32Array;
  readonly weights: Float32Array;
  readonly bias: Float32Array;

  constructor(readonly shape: LinearShape) {
    this.idf = new Float32Array(shape.rows);
    this.weights = new Float32Array(shape.rows * shape.classes);
    this.bias = new Float32Array(shape.classes);
  }

  forward(rows: Int32Array, values: Float32Array): { weights: Float32Array; probabilities: Float32Array } {
    const { classes } = this.shape;
    const weights = tfidfWeights(this.idf, rows, values);
    const logits = new Float32Array(classes);
    logits.set(this.bias);
    for (let i = 0; i < rows.length; i++) {
      const w = weights[i];
      if (w === 0) continue;
      const base = rows[i] * classes;
      for (let c = 0; c < classes; c++) logits[c] += w * this.weights[base + c];
    }
    return { weights, probabilities: softmax(logits) };
  }
}
