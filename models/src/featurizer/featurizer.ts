import { fnvAdd, fnvAddString, fnvFinish, fnvStart } from './feature-hash.ts';
import { type FeaturizerConfig, SUPPORTED_FEATURIZER_VERSIONS } from './featurizer-config.ts';
import { TextNormalizer } from './text-normalizer.ts';
import { Tokenizer } from './tokenizer.ts';

/** Hashed sparse features of one message: distinct bucket ids and their counts. */
export interface SparseFeatures {
  indices: Int32Array;
  values: Float32Array;
}

const HAN_START = /^\p{Script=Han}/u;
/** A Latin word of two or more letters written entirely in capitals (shouting), checked before lower-casing. */
const CAPITALS_WORD = /(?<![\p{L}\p{N}])[A-Z]{2,}(?![\p{L}\p{N}])/gu;
const LT = 60;
const GT = 62;
const SPACE = 32;

/**
 * The one featurizer shared by the trainer and the runtime, so a model is served with exactly the features it was
 * trained on. Features: words, word n-grams, and character n-grams inside each token (with `<` `>` boundary marks;
 * for Chinese words also single characters), from version 2 the message's shape (see shapeFeatures), all hashed into
 * `buckets` rows. From version 3 Thai, Lao, Khmer, Burmese and Japanese kana are split into words (see Tokenizer).
 */
export class Featurizer {
  private readonly normalizer: TextNormalizer;
  private readonly tokenizer: Tokenizer;
  /** Reused buffer of hashed buckets: featurize runs once per message on the serving path. */
  private scratch = new Int32Array(1024);
  /** Running hash of each feature-kind prefix (`w1:`, `c:`…), computed once. */
  private readonly prefixes = new Map<string, number>();

  constructor(readonly config: FeaturizerConfig) {
    if (!SUPPORTED_FEATURIZER_VERSIONS.includes(config.version)) {
      throw new Error(
        `featurizer version ${config.version} is not supported (this build implements ${SUPPORTED_FEATURIZER_VERSIONS.join(', ')})`,
      );
    }
    this.normalizer = new TextNormalizer({ keepJapaneseKanji: config.version >= 3 });
    this.tokenizer = new Tokenizer({ segmentUnspacedScripts: config.version >= 3 });
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
    for (const shape of this.shapeFeatures(text)) features.push(`s:${shape}`);
    return features;
  }

  /**
   * What lower-casing and tokenising throw away but an angry or urgent customer writes: `!`, `!!` (a run), `?`,
   * `??`, `?!` (either order), and one `CAPS` per word in capitals. Taken after NFKC, so ！！ counts as !!.
   */
  shapeFeatures(text: string): string[] {
    if (this.config.version < 2) return [];
    const nfkc = text.normalize('NFKC');
    const shapes: string[] = [];
    if (nfkc.includes('!')) shapes.push('!');
    if (nfkc.includes('!!')) shapes.push('!!');
    if (nfkc.includes('?')) shapes.push('?');
    if (nfkc.includes('??')) shapes.push('??');
    if (nfkc.includes('?!') || nfkc.includes('!?')) shapes.push('?!');
    for (const _ of nfkc.matchAll(CAPITALS_WORD)) shapes.push('CAPS');
    return shapes;
  }

  private prefixHash(prefix: string): number {
    let h = this.prefixes.get(prefix);
    if (h === undefined) {
      h = fnvAddString(fnvStart(this.config.hashSeed), prefix);
      this.prefixes.set(prefix, h);
    }
    return h;
  }

  /**
   * Hashes the same features as featureStrings without building them: each feature string is `prefix` + text, and
   * FNV-1a is incremental, so a running hash per n-gram start yields every n-gram length in one scan.
   */
  featurize(text: string): SparseFeatures {
    const { wordNgramMax, charNgramMin, charNgramMax, buckets } = this.config;
    const tokens = this.tokens(text);
    const shapes = this.shapeFeatures(text);
    // Sized once for the most features this message can have, so the hot loops below write without checks.
    let capacity = tokens.length * wordNgramMax + shapes.length;
    for (const token of tokens) capacity += (token.length + 2) * charNgramMax;
    if (this.scratch.length < capacity) this.scratch = new Int32Array(Math.max(capacity, this.scratch.length * 2));
    const found = this.scratch;
    // Same buckets as `% buckets`, without a floating-point modulo when buckets is a power of two.
    const mask = (buckets & (buckets - 1)) === 0 ? buckets - 1 : -1;
    const bucketOf = (h: number) => {
      const hash = fnvFinish(h);
      return mask >= 0 ? hash & mask : hash % buckets;
    };
    let count = 0;
    for (let n = 1; n <= wordNgramMax; n++) {
      const prefixed = this.prefixHash(`w${n}:`);
      for (let i = 0; i + n <= tokens.length; i++) {
        let h = fnvAddString(prefixed, tokens[i]);
        for (let k = i + 1; k < i + n; k++) h = fnvAddString(fnvAdd(h, SPACE), tokens[k]);
        found[count++] = bucketOf(h);
      }
    }
    const charPrefixed = this.prefixHash('c:');
    for (const token of tokens) {
      if (token.charCodeAt(0) === LT) continue;
      // The token with boundary marks, `<token>`, read by position instead of building the string.
      const length = token.length + 2;
      const min = HAN_START.test(token) ? 1 : charNgramMin;
      for (let i = 0; i < length; i++) {
        let h = charPrefixed;
        for (let n = 1; n <= charNgramMax && i + n <= length; n++) {
          const at = i + n - 1;
          h = fnvAdd(h, at === 0 ? LT : at === length - 1 ? GT : token.charCodeAt(at - 1));
          // Same exclusions as featureStrings: the whole marked token, and a lone boundary mark.
          if (n < min || n === length || (n === 1 && (i === 0 || i === length - 1))) continue;
          found[count++] = bucketOf(h);
        }
      }
    }
    const shapePrefixed = this.prefixHash('s:');
    for (const shape of shapes) found[count++] = bucketOf(fnvAddString(shapePrefixed, shape));
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
