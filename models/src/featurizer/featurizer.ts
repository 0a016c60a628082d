import { fnvAdd, fnvAddString, fnvFinish, fnvStart } from './feature-hash.ts';
import { FEATURIZER_VERSION, type FeaturizerConfig } from './featurizer-config.ts';
import { TextNormalizer } from './text-normalizer.ts';
import { Tokenizer } from './tokenizer.ts';

/** Hashed sparse features of one message: distinct bucket ids and their counts. */
export interface SparseFeatures {
  indices: Int32Array;
  values: Float32Array;
}

const HAN_START = /^\p{Script=Han}/u;
const LT = 60;
const SPACE = 32;

/**
 * The one featurizer shared by the trainer and the runtime, so a model is served with exactly the features it was
 * trained on. Features: words, word n-grams, and character n-grams inside each token (with `<` `>` boundary marks;
 * for Chinese words also single characters), all hashed into `buckets` rows.
 */
export class Featurizer {
  private readonly normalizer = new TextNormalizer();
  private readonly tokenizer = new Tokenizer();
  /** Reused buffer of hashed buckets: featurize runs once per message on the serving path. */
  private scratch = new Int32Array(1024);

  constructor(readonly config: FeaturizerConfig) {
    if (config.version !== FEATURIZER_VERSION) {
      throw new Error(
        `featurizer version ${config.version} is not supported (this build implements ${FEATURIZER_VERSION})`,
      );
    }
  }

  normalize(text: string): string {
    return this.normalizer.normalize(text);
  }

  tokens(text: string): string[] {
    return this.tokenizer.tokenize(this.normalize(text));
  }

  /** Feature strings before hashing; exposed for golden tests and for explaining a prediction. */
  featureStrings(text: string): string[] {
    const { wordNgramMax, charNgramMin, charNgramMax } = this.config;
    const tokens = this.tokens(text);
    const features: string[] = [];
    for (let n = 1; n <= wordNgramMax; n++) {
      for (let i = 0; i + n <= tokens.length; i++) features.push(`w${n}:${tokens.slice(i, i + n).join(' ')}`);
    }
    for (const token of tokens) {
      if (token.startsWith('<')) continue;
      const marked = `<${token}>`;
      const han = HAN_START.test(token);
      const min = han ? 1 : charNgramMin;
      for (let n = min; n <= charNgramMax; n++) {
        for (let i = 0; i + n <= marked.length; i++) {
          const gram = marked.slice(i, i + n);
          if (gram !== marked && gram !== '<' && gram !== '>') features.push(`c:${gram}`);
        }
      }
    }
    return features;
  }

  /**
   * Hashes the same features as featureStrings without building them: each feature string is `prefix` + text, and
   * FNV-1a is incremental, so a running hash per n-gram start yields every n-gram length in one scan.
   */
  featurize(text: string): SparseFeatures {
    const { wordNgramMax, charNgramMin, charNgramMax, buckets, hashSeed } = this.config;
    const tokens = this.tokens(text);
    let found = this.scratch;
    let count = 0;
    const add = (bucket: number) => {
      if (count === found.length) {
        const grown = new Int32Array(found.length * 2);
        grown.set(found);
        found = grown;
        this.scratch = grown;
      }
      found[count++] = bucket;
    };
    const start = fnvStart(hashSeed);
    for (let n = 1; n <= wordNgramMax; n++) {
      const prefixed = fnvAddString(start, `w${n}:`);
      for (let i = 0; i + n <= tokens.length; i++) {
        let h = fnvAddString(prefixed, tokens[i]);
        for (let k = i + 1; k < i + n; k++) h = fnvAddString(fnvAdd(h, SPACE), tokens[k]);
        add(fnvFinish(h) % buckets);
      }
    }
    const charPrefixed = fnvAddString(start, 'c:');
    for (const token of tokens) {
      if (token.charCodeAt(0) === LT) continue;
      const marked = `<${token}>`;
      const length = marked.length;
      const min = HAN_START.test(token) ? 1 : charNgramMin;
      for (let i = 0; i < length; i++) {
        let h = charPrefixed;
        for (let n = 1; n <= charNgramMax && i + n <= length; n++) {
          h = fnvAdd(h, marked.charCodeAt(i + n - 1));
          // Same exclusions as featureStrings: the whole marked token, and a lone boundary mark.
          if (n < min || n === length || (n === 1 && (i === 0 || i === length - 1))) continue;
          add(fnvFinish(h) % buckets);
        }
      }
    }
    const sorted = found.subarray(0, count).sort();
    let distinct = 0;
    for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    const indices = new Int32Array(distinct);
    const values = new Float32Array(distinct);
    let j = -1;
    for (let i = 0; i < count; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) indices[++j] = sorted[i];
      values[j]++;
    }
    return { indices, values };
  }
}
