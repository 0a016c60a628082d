import { Featurizer } from '../featurizer/featurizer.ts';
import type { FeaturizerConfig } from '../featurizer/featurizer-config.ts';
import { FeatureVocabulary } from './feature-vocabulary.ts';
import { IntentEnsemble } from './intent-ensemble.ts';
import type { LabeledText } from './labeled-text.ts';
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
   * for calibration while the ensemble as a whole still learns from all data.
   */
  async train(examples: LabeledText[], folds?: Int32Array): Promise<IntentEnsemble> {
    if (examples.length === 0) throw new Error('cannot train on an empty data set');
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const labelIndex = new Map(labels.map((label, i) => [label, i]));
    const features = examples.map((e) => this.featurizer.featurize(e.text));
    const vocabulary = FeatureVocabulary.fit(this.featurizer.config.buckets, features);
    const encoded = features.map((f, i) => vocabulary.encode(f, labelIndex.get(examples[i].label)));
    const shape = { rows: vocabulary.rows, dim: this.options.dim, hidden: this.options.hidden, classes: labels.length };
    const seeds = Array.from({ length: this.options.members }, (_, m) => this.options.seed + m * 7919);
    const subsets = seeds.map((_, m) => (folds ? encoded.filter((_, i) => folds[i] !== m) : encoded));
    const members = await new ParallelMemberTrainer().train(subsets, shape, vocabulary.idf, this.options, seeds);
    return new IntentEnsemble(labels, vocabulary, members);
  }
}
