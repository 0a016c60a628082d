/** Serialisable settings of the featurizer; stored in every model manifest so serving featurizes exactly as training. */
export interface FeaturizerConfig {
  /** Bumped when the featurizer's behaviour changes, so an old model is never served with new features. */
  version: 1;
  /** Number of hash buckets (rows of the embedding table). */
  buckets: number;
  /** Word n-grams from 1 to this length. */
  wordNgramMax: number;
  /** Character n-grams taken inside each token with boundary marks, lengths from min to max. */
  charNgramMin: number;
  charNgramMax: number;
  /** Seed of the feature hash, so two models can use different hash functions. */
  hashSeed: number;
}

/** The featurizer behaviour this code implements; a model trained with another cannot be served. */
export const FEATURIZER_VERSION = 1;

export const DEFAULT_FEATURIZER_CONFIG: FeaturizerConfig = {
  version: FEATURIZER_VERSION,
  buckets: 1 << 18,
  wordNgramMax: 2,
  charNgramMin: 2,
  charNgramMax: 5,
  hashSeed: 0x9e3779b1,
};
