import { Featurizer } from '../featurizer/featurizer.ts';
import type { FeaturizerConfig } from '../featurizer/featurizer-config.ts';
import { EmbeddingBagNetwork } from './embedding-bag-network.ts';
import { FeatureVocabulary } from './feature-vocabulary.ts';
import { IntentEnsemble } from './intent-ensemble.ts';
import type { LabeledText } from './labeled-text.ts';
import { LinearBagModel } from './linear-bag-model.ts';
import type { MemberJob } from './member-job.ts';
import { ParallelMemberTrainer } from './parallel-member-trainer.ts';
import type { TrainingOptions } from './training-options.ts';

/** Trains an ensemble of embedding-bag networks on labelled texts (intents, or FAQ ids as classes). */
export class IntentTrainer {
  readonly featurizer: Featurizer;

  constructor(
    featurizerConfig: FeaturizerConfig,
    readonly options: TrainingOptions,
  ) {
    this.featurizer = new Featurizer(featurizerConfig);
  }

  /**
   * With `folds`, member m does not train on the examples of fold m, so every member has out-of-fold examples
   * for calibration while the ensemble as a whole still learns from all data. The linear model learns every
   * example.
   */
  async train(examples: LabeledText[], folds?: Int32Array): Promise<IntentEnsemble> {
    if (examples.length === 0) throw new Error('cannot train on an empty data set');
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const labelIndex = new Map(labels.map((label, i) => [label, i]));
    const features = examples.map((e) => this.featurizer.featurize(e.text));
    const vocabulary = FeatureVocabulary.fit(this.featurizer.config.buckets, features);
    const encoded = features.map((f, i) => vocabulary.encode(f, labelIndex.get(examples[i].label)));
    const shape = { rows: vocabulary.rows, dim: this.options.dim, hidden: this.options.hidden, classes: labels.length };
    const { idf } = vocabulary;
    const jobs: MemberJob[] = Array.from({ length: this.options.members }, (_, m) => ({
      kind: 'network',
      examples: folds ? encoded.filter((_, i) => folds[i] !== m) : encoded,
      shape,
      idf,
      options: this.options,
      seed: this.options.seed + m * 7919,
    }));
    // The linear model holds a weight per feature and class, and every message reads a row of them per feature, so
    // its size and cost grow with the number of classes: it is left out when that would more than double what the
    // networks' embeddings cost (beyond 128 classes by default, as in a large FAQ, where the demo knowledge base
    // measured it slower by half and no more accurate). A factored (rank-32) linear model would not grow, but it
    // lost the out-of-scope advantage (issue #10 measurements in docs/nlu.md).
    if (this.options.linearShare > 0 && labels.length <= this.options.members * this.options.dim) {
      const linearShape = { rows: vocabulary.rows, classes: labels.length };
      const seed = this.options.seed + this.options.members * 7919;
      jobs.push({ kind: 'linear', examples: encoded, shape: linearShape, idf, options: this.options, seed });
    }
    const models = await new ParallelMemberTrainer().train(jobs);
    const members = models.filter((m) => m instanceof EmbeddingBagNetwork);
    const linear = models.find((m) => m instanceof LinearBagModel);
    return new IntentEnsemble(
      labels,
      vocabulary,
      members,
      linear && { model: linear, share: this.options.linearShare },
    );
  }
}
