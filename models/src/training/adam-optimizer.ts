const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/**
 * Adam for one parameter array. `stepRows` updates only the rows a batch touched ("lazy" Adam), which keeps
 * training cost proportional to the features present rather than to the size of the embedding table.
 */
export class AdamOptimizer {
  private readonly m: Float32Array;
  private readonly v: Float32Array;

  constructor(private readonly params: Float32Array) {
    this.m = new Float32Array(params.length);
    this.v = new Float32Array(params.length);
  }

  step(grad: Float32Array, lr: number, t: number): void {
    this.update(grad, 0, this.params.length, stepSize(lr, t));
  }

  /** Updates the rows `touched` lists (each `width` wide) and forgets them for the next batch. */
  stepRows(grad: Float32Array, touched: TouchedRows, width: number, lr: number, t: number): void {
    const size = stepSize(lr, t);
    for (let r = 0; r < touched.count; r++) this.update(grad, touched.rows[r] * width, width, size);
    touched.clear();
  }

  private update(grad: Float32Array, start: number, length: number, size: number): void {
    const { params, m, v } = this;
    for (let i = start; i < start + length; i++) {
      const g = grad[i];
      const mi = BETA1 * m[i] + (1 - BETA1) * g;
      const vi = BETA2 * v[i] + (1 - BETA2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] -= (size * mi) / (Math.sqrt(vi) + EPSILON);
      grad[i] = 0;
    }
  }
}

/** Adam's bias-corrected step size at step t. */
function stepSize(lr: number, t: number): number {
  return (lr * Math.sqrt(1 - BETA2 ** t)) / (1 - BETA1 ** t);
}

/** The rows of a parameter table that one batch touched, each listed once, for `stepRows`. */
export class TouchedRows {
  readonly rows: Int32Array;
  count = 0;
  private readonly listed: Uint8Array;

  constructor(totalRows: number) {
    this.rows = new Int32Array(totalRows);
    this.listed = new Uint8Array(totalRows);
  }

  add(row: number): void {
    if (this.listed[row]) return;
    this.listed[row] = 1;
    this.rows[this.count++] = row;
  }

  clear(): void {
    for (let r = 0; r < this.count; r++) this.listed[this.rows[r]] = 0;
    this.count = 0;
  }
}
