/** Serialisable settings of the featurizer; stored in every model manifest so serving featurizes exactly as training. */
export interface FeaturizerConfig {
  /**
   * Bumped when the featurizer's behaviour changes, so a model is always served with the features it was trained on.
   * 1: words, word n-grams, character n-grams. 2: also the shape of the message before lower-casing (`!` and `?`
   * runs, words in capitals), which carry anger and urgency. 3: also words in scripts written without spaces
   * (Thai, Lao, Khmer, Burmese, Japanese) by ICU's dictionaries, where 2 kept a whole run as one token, and the
   * kanji of Japanese messages kept as written instead of converted to simplified Chinese.
   */
  version: number;
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

/** The featurizer behaviour new models are trained with. */
export const FEATURIZER_VERSION = 3;
/** Versions this code can still featurize for, so models trained before an upgrade keep being served. */
export const SUPPORTED_FEATURIZER_VERSIONS: readonly number[] = [1, 2, 3];

export const DEFAULT_FEATURIZER_CONFIG: FeaturizerConfig = {
  version: FEATURIZER_VERSION,
  buckets: 1 << 18,
  wordNgramMax: 2,
  charNgramMin: 2,
  charNgramMax: 4,
  hashSeed: 0x9e3779b1,
};
