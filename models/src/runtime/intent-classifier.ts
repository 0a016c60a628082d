import * as ort from 'onnxruntime-node';
import type { ModelManifest } from '../artifacts/model-manifest.ts';
import { ModelPackage } from '../artifacts/model-package.ts';
import { Featurizer, type SparseFeatures } from '../featurizer/featurizer.ts';
import { OUT_OF_SCOPE_LABEL } from '../training/labeled-text.ts';
import { decide } from '../training/oos-thresholds.ts';
import { cosine } from '../training/pair-threshold-calibrator.ts';
import type { IntentPrediction } from './intent-prediction.ts';

/** Raw outputs of the ONNX graph for a batch. */
export interface BatchScores {
  probabilities: Float32Array;
  embedding: Float32Array;
  coverage: Float32Array;
  /** The linear model's probabilities, when the model has one (see OosThresholds.score). */
  linearProbabilities?: Float32Array;
  classes: number;
  embeddingWidth: number;
}

/** Most messages one onnxruntime run takes: the batch is padded to its longest message. */
const MAX_BATCH = 16;

interface PendingMessage {
  text: string;
  topK: number;
  resolve(prediction: IntentPrediction): void;
  reject(error: unknown): void;
}

/**
 * Serves one verified model package: featurizes with the manifest's featurizer config, runs the ONNX graph in
 * onnxruntime-node and applies the manifest's out-of-scope thresholds. One instance per model; no global state, so
 * the backend can inject it and tests can load several.
 */
export class IntentClassifier {
  private pending: PendingMessage[] = [];

  private constructor(
    readonly manifest: ModelManifest,
    private readonly session: ort.InferenceSession,
    readonly featurizer: Featurizer,
  ) {}

  /** Verifies every file against manifest.json (throws ModelIntegrityError) before creating the session. */
  static async load(dir: string, sessionOptions: ort.InferenceSession.SessionOptions = {}): Promise<IntentClassifier> {
    const pkg = await ModelPackage.read(dir);
    const featurizer = new Featurizer(pkg.manifest.featurizer);
    const session = await ort.InferenceSession.create(pkg.onnx, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      ...sessionOptions,
    });
    return new IntentClassifier(pkg.manifest, session, featurizer);
  }

  /**
   * One message. Messages asked for while the event loop handles the same batch of I/O run as one batch: a run of
   * onnxruntime costs about as much for 4 short messages as for 2 single ones, and a server at full load receives
   * many turns per loop iteration. Alone, a message waits only for the end of that iteration.
   */
  classify(text: string, topK = 3): Promise<IntentPrediction> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.classifyPending());
      this.pending.push({ text, topK, resolve, reject });
    });
  }

  private classifyPending(): void {
    const waiting = this.pending;
    this.pending = [];
    for (let start = 0; start < waiting.length; start += MAX_BATCH) {
      void this.answer(waiting.slice(start, start + MAX_BATCH));
    }
  }

  private async answer(batch: PendingMessage[]): Promise<void> {
    try {
      const topK = Math.max(...batch.map((message) => message.topK));
      const predictions = await this.classifyBatch(
        batch.map((message) => message.text),
        topK,
      );
      for (const [i, message] of batch.entries()) {
        message.resolve({ ...predictions[i], topK: predictions[i].topK.slice(0, Math.max(0, message.topK)) });
      }
    } catch (error) {
      for (const message of batch) message.reject(error);
    }
  }

  async classifyBatch(texts: string[], topK = 3): Promise<IntentPrediction[]> {
    if (texts.length === 0) return [];
    const scores = await this.score(texts.map((t) => this.featurizer.featurize(t)));
    const { labels, thresholds } = this.manifest;
    return texts.map((_, i) => {
      const row = scores.probabilities.subarray(i * scores.classes, (i + 1) * scores.classes);
      const order = topIndices(row, Math.max(1, topK));
      const best = order[0];
      const coverage = scores.coverage[i];
      const linearConfidence = scores.linearProbabilities?.[i * scores.classes + best];
      const verdict = decide(
        { predicted: labels[best], confidence: row[best], linearConfidence, coverage },
        thresholds,
      );
      return {
        intent: labels[best],
        confidence: row[best],
        topK: order.slice(0, Math.max(0, topK)).map((c) => ({ intent: labels[c], confidence: row[c] })),
        oos: verdict === OUT_OF_SCOPE_LABEL,
        coverage,
      };
    });
  }

  /** Hidden-layer embeddings, one per text, for FAQ matching. */
  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const scores = await this.score(texts.map((t) => this.featurizer.featurize(t)));
    const w = scores.embeddingWidth;
    return texts.map((_, i) => scores.embedding.slice(i * w, (i + 1) * w));
  }

  /** Whether two questions mean the same, by cosine of embeddings against the calibrated threshold. */
  async samePair(a: string, b: string): Promise<{ same: boolean; similarity: number }> {
    const [ea, eb] = await this.embed([a, b]);
    const similarity = cosine(ea, eb);
    return { same: similarity >= this.manifest.pairThreshold, similarity };
  }

  /** Runs the graph on featurized messages (padded to the longest message of the batch). */
  async score(batch: SparseFeatures[]): Promise<BatchScores> {
    if (batch.length === 0) {
      // onnxruntime divides by zero reshaping an empty batch (`-1` dimension) and kills the process.
      const empty = new Float32Array(0);
      const classes = this.manifest.labels.length;
      return { probabilities: empty, embedding: empty, coverage: empty, classes, embeddingWidth: 0 };
    }
    const width = Math.max(1, ...batch.map((f) => f.indices.length));
    const indices = new Int32Array(batch.length * width);
    const values = new Float32Array(batch.length * width);
    batch.forEach((f, i) => {
      indices.set(f.indices, i * width);
      values.set(f.values, i * width);
    });
    const out = await this.session.run({
      indices: new ort.Tensor('int32', indices, [batch.length, width]),
      values: new ort.Tensor('float32', values, [batch.length, width]),
    });
    return {
      probabilities: out.probabilities.data as Float32Array,
      embedding: out.embedding.data as Float32Array,
      coverage: out.coverage.data as Float32Array,
      linearProbabilities: out.linear_probabilities?.data as Float32Array | undefined,
      classes: out.probabilities.dims[1],
      embeddingWidth: out.embedding.dims[1],
    };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

/**
 * Indices of the k largest values, largest first, ties to the lower index. A full sort of every row cost more than
 * the rest of post-processing together; k is tiny, so insertion into a short list is enough.
 */
function topIndices(row: Float32Array, k: number): number[] {
  const top: number[] = [];
  for (let c = 0; c < row.length; c++) {
    if (top.length === k && row[c] <= row[top[k - 1]]) continue;
    let at = top.length;
    while (at > 0 && row[top[at - 1]] < row[c]) at--;
    top.splice(at, 0, c);
    if (top.length > k) top.pop();
  }
  return top;
}
