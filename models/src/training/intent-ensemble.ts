import type { SparseFeatures } from '../featurizer/featurizer.ts';
import type { EmbeddingBagNetwork } from './embedding-bag-network.ts';
import type { FeatureVocabulary } from './feature-vocabulary.ts';
import type { LinearBagModel } from './linear-bag-model.ts';

/** Scores of one message, the same outputs as the ONNX graph. */
export interface EnsembleScores {
  probabilities: Float32Array;
  embedding: Float32Array;
  coverage: number;
  /** The linear model's own probabilities, when the ensemble has one (the `linear_probabilities` output). */
  linearProbabilities?: Float32Array;
}

/** The linear model of an ensemble and its weight in the ensemble's probabilities. */
export interface LinearPart {
  model: LinearBagModel;
  share: number;
}

/** The trained models behind one model package; the TypeScript twin of the exported ONNX graph. */
export class IntentEnsemble {
  constructor(
    readonly labels: string[],
    readonly vocabulary: FeatureVocabulary,
    readonly members: EmbeddingBagNetwork[],
    readonly linear?: LinearPart,
  ) {}

  /**
   * Scores a training message with the one network that did not train on it (cross-fitting; the linear model learnt
   * every message, so it has no out-of-fold scores to add). Coverage counts only features found in some other
   * training message, as an unseen message would see them.
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
    const linearShare = this.linear?.share ?? 0;
    const memberShare = (1 - linearShare) / this.members.length;
    let offset = 0;
    for (const net of this.members) {
      const act = net.forward(rows, values);
      for (let c = 0; c < probabilities.length; c++) probabilities[c] += act.probabilities[c] * memberShare;
      embedding.set(act.hidden, offset);
      offset += act.hidden.length;
    }
    const linearProbabilities = this.linear?.model.forward(rows, values).probabilities;
    if (linearProbabilities) {
      for (let c = 0; c < probabilities.length; c++) probabilities[c] += linearProbabilities[c] * linearShare;
    }
    return { probabilities, embedding, coverage: coverage(rows, values, (r) => r > 0), linearProbabilities };
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
