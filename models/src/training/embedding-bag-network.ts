/** Sizes of one network; rows = known feature rows + 1 (row 0 stands for every unseen bucket and stays zero). */
export interface NetworkShape {
  rows: number;
  dim: number;
  hidden: number;
  classes: number;
}

/** Activations of one forward pass, kept for the backward pass. */
export interface Activations {
  /** Normalised TF-IDF weight of each input row. */
  weights: Float32Array;
  pooled: Float32Array;
  hidden: Float32Array;
  probabilities: Float32Array;
}

/**
 * Embedding bag → hidden ReLU layer → softmax, with parameters in Float32Arrays laid out as the ONNX graph wants
 * them (w1 is dim×hidden, w2 is hidden×classes). Hand-written because no maintained JavaScript library trains
 * sparse models offline without native builds, and exactly this arithmetic is re-expressed in ONNX by the exporter.
 */
export class EmbeddingBagNetwork {
  readonly embedding: Float32Array;
  readonly idf: Float32Array;
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  readonly w2: Float32Array;
  readonly b2: Float32Array;

  constructor(readonly shape: NetworkShape) {
    this.embedding = new Float32Array(shape.rows * shape.dim);
    this.idf = new Float32Array(shape.rows);
    this.w1 = new Float32Array(shape.dim * shape.hidden);
    this.b1 = new Float32Array(shape.hidden);
    this.w2 = new Float32Array(shape.hidden * shape.classes);
    this.b2 = new Float32Array(shape.classes);
  }

  forward(rows: Int32Array, values: Float32Array): Activations {
    const { dim, hidden, classes } = this.shape;
    const { embedding, w1, w2 } = this;
    const weights = tfidfWeights(this.idf, rows, values);
    const pooled = new Float32Array(dim);
    for (let i = 0; i < rows.length; i++) {
      const w = weights[i];
      if (w === 0) continue;
      const base = rows[i] * dim;
      for (let d = 0; d < dim; d++) pooled[d] += w * embedding[base + d];
    }
    const h = new Float32Array(hidden);
    h.set(this.b1);
    for (let d = 0; d < dim; d++) {
      const x = pooled[d];
      const base = d * hidden;
      for (let j = 0; j < hidden; j++) h[j] += x * w1[base + j];
    }
    const logits = new Float32Array(classes);
    logits.set(this.b2);
    for (let j = 0; j < hidden; j++) {
      const x = h[j];
      if (x <= 0) {
        h[j] = 0;
        continue;
      }
      const base = j * classes;
      for (let c = 0; c < classes; c++) logits[c] += x * w2[base + c];
    }
    return { weights, pooled, hidden: h, probabilities: softmax(logits) };
  }
}

/** TF-IDF weights of the rows, L2-normalised; rows dropped by the caller have value 0. */
export function tfidfWeights(idf: Float32Array, rows: Int32Array, values: Float32Array): Float32Array {
  const weights = new Float32Array(rows.length);
  let norm = 0;
  for (let i = 0; i < rows.length; i++) {
    const w = idf[rows[i]] * values[i];
    weights[i] = w;
    norm += w * w;
  }
  const scale = 1 / Math.sqrt(Math.max(norm, 1e-12));
  for (let i = 0; i < rows.length; i++) weights[i] *= scale;
  return weights;
}

export function softmax(logits: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of logits) if (v > max) max = v;
  let sum = 0;
  const out = new Float32Array(logits.length);
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i] - max);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}
