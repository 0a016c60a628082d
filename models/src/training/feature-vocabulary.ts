import type { SparseFeatures } from '../featurizer/featurizer.ts';

/** Features of one example mapped to embedding rows. */
export interface EncodedExample {
  rows: Int32Array;
  values: Float32Array;
  label: number;
}

/**
 * Maps the hash buckets seen in training to dense embedding rows (row 0 = never seen) and gives each row a smoothed
 * inverse document frequency. Only seen rows are stored, so a model holds tens of thousands of rows, not a million.
 */
export class FeatureVocabulary {
  private constructor(
    readonly rowOfBucket: Int32Array,
    readonly idf: Float32Array,
    /** Training messages containing each row; not exported, used for leave-one-out coverage. */
    readonly documentFrequency: Int32Array,
  ) {}

  static fit(buckets: number, documents: SparseFeatures[]): FeatureVocabulary {
    const documentFrequency = new Map<number, number>();
    for (const { indices } of documents) {
      for (const bucket of indices) documentFrequency.set(bucket, (documentFrequency.get(bucket) ?? 0) + 1);
    }
    const seen = [...documentFrequency.keys()].sort((a, b) => a - b);
    const rowOfBucket = new Int32Array(buckets);
    const idf = new Float32Array(seen.length + 1);
    const frequency = new Int32Array(seen.length + 1);
    seen.forEach((bucket, i) => {
      rowOfBucket[bucket] = i + 1;
      frequency[i + 1] = documentFrequency.get(bucket) ?? 0;
      idf[i + 1] = Math.log((1 + documents.length) / (1 + frequency[i + 1])) + 1;
    });
    return new FeatureVocabulary(rowOfBucket, idf, frequency);
  }

  get rows(): number {
    return this.idf.length;
  }

  encode(features: SparseFeatures, label = -1): EncodedExample {
    const rows = new Int32Array(features.indices.length);
    for (let i = 0; i < rows.length; i++) rows[i] = this.rowOfBucket[features.indices[i]];
    return { rows, values: features.values, label };
  }
}
