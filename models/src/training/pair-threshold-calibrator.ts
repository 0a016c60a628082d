import { SeededRandom } from './seeded-random.ts';

/** A labelled pair of embeddings: 1 = same meaning. */
export interface ScoredPair {
  similarity: number;
  same: boolean;
}

/** Pairs sampled per held-out message when pairs are built from labelled messages. */
const NEGATIVES_PER_MESSAGE = 1;

/** Chooses the cosine similarity above which two questions count as the same, maximising pair accuracy. */
export class PairThresholdCalibrator {
  calibrate(pairs: ScoredPair[]): number {
    const positives = pairs.filter((p) => p.same).length;
    const negatives = pairs.length - positives;
    if (positives === 0 || negatives === 0) return 0.5;
    const sorted = [...pairs].sort((a, b) => a.similarity - b.similarity);
    // Threshold just above sorted[i - 1]: everything below is "different". Balanced accuracy, so class ratio in the
    // calibration data does not decide.
    let best = sorted[0].similarity;
    let bestScore = -1;
    let negativesBelow = 0;
    let positivesBelow = 0;
    for (let i = 0; i <= sorted.length; i++) {
      const score = negativesBelow / negatives + (positives - positivesBelow) / positives;
      if (score > bestScore && (i === 0 || i === sorted.length || sorted[i].similarity !== sorted[i - 1].similarity)) {
        bestScore = score;
        best = i === sorted.length ? sorted[i - 1].similarity + 1e-6 : sorted[i].similarity;
      }
      if (i < sorted.length) {
        if (sorted[i].same) positivesBelow++;
        else negativesBelow++;
      }
    }
    return Math.round(best * 1e6) / 1e6;
  }

  /** Builds same/different pairs from labelled embeddings (each message with one same-label and one other). */
  fromLabelled(items: { embedding: Float32Array; label: string }[], seed: number): number {
    const random = new SeededRandom(seed ^ 0x27d4eb2d);
    const pairs: ScoredPair[] = [];
    for (let i = 0; i < items.length; i++) {
      const sameLabel = items.filter((other, j) => j !== i && other.label === items[i].label);
      if (sameLabel.length > 0) {
        const other = sameLabel[random.int(sameLabel.length)];
        pairs.push({ similarity: cosine(items[i].embedding, other.embedding), same: true });
      }
      for (let n = 0; n < NEGATIVES_PER_MESSAGE; n++) {
        const other = items[random.int(items.length)];
        if (other.label !== items[i].label) {
          pairs.push({ similarity: cosine(items[i].embedding, other.embedding), same: false });
        }
      }
    }
    return this.calibrate(pairs);
  }
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
