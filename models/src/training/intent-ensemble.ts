import type { SparseFeatures } from '../featurizer/featurizer.ts';
import type { EmbeddingBagNetwork } from './embedding-bag-network.ts';
import type { FeatureVocabulary } from './feature-vocabulary.ts';

/** Scores of one message, the same three outputs as the ONNX graph. */
export interface EnsembleScores {
  probabilities: Float32Array;
  embedding: Float32Array;
  coverage: number;
}

/** The trained networks behind one model; the TypeScript twin of the exported ONNX graph. */
export class IntentEnsemble {
  constructor(
    readonly labels: string[],
    readonly vocabulary: FeatureVocabulary,
    readonly members: EmbeddingBagNetwork[],
  ) {}

  /**
   * Scores a training message with the one member that did not train on it (cross-fitting). Coverage counts only
   * features found in some other training message, as an unseen message would see them.
   */
  scoreOutOfFold(features: SparseFeatures, member: number): EnsembleScores {
    const { rows, values } = this.vocabulary.encode(features);
    const act = this.members[member].forward(rows, values);
    const frequency = this.vocabulary.documentFrequency;
    return {
      probabilities: act.probabilities,
      embedding: act.hidden,
      coverage: coverage(rows, values, (r) => frequency[r] > 1),
    };
  }

  score(features: SparseFeatures): EnsembleScores {
    const { rows, values } = this.vocabulary.encode(features);
    const probabilities = new Float32Array(this.labels.length);
    const embedding = new Float32Array(this.members.reduce((sum, net) => sum + net.shape.hidden, 0));
    let offset = 0;
    for (const net of this.members) {
      const act = net.forward(rows, values);
      for (let c = 0; c < probabilities.length; c++) probabilities[c] += act.probabilities[c] / this.members.length;
      embedding.set(act.hidden, offset);
      offset += act.hidden.length;
    }
    return { probabilities, embedding, coverage: coverage(rows, values, (r) => r > 0) };
  }
}

/** Share of the message's feature counts on rows that `isKnown` accepts (the ONNX graph's `coverage` output). */
function coverage(rows: Int32Array, values: Float32Array, isKnown: (row: number) => boolean): number {
  let known = 0;
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    total += values[i];
    if (isKnown(rows[i])) known += values[i];
  }
  return known / Math.max(total, 1e-12);
}
