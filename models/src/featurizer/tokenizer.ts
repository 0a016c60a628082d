import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Placeholders, runs of Han characters, or words of any other script (letters, digits, inner apostrophes). */
const TOKEN =
  /<[A-Z]+>|\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+(?:['’](?:(?!\p{Script=Han})[\p{L}\p{M}])+)*/gu;
const HAN_RUN = /^\p{Script=Han}/u;

/** Japanese kana, with the length mark ー (script extensions). */
const KANA = String.raw`\p{scx=Hiragana}\p{scx=Katakana}`;
/** Scripts written without spaces between words, for which ICU carries a dictionary. */
const SOUTHEAST_ASIAN = String.raw`\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}`;
const NOT_UNSPACED = String.raw`(?![\p{sc=Han}${KANA}${SOUTHEAST_ASIAN}])`;
/**
 * TOKEN, but Han and kana letters form one run (Japanese writes words across both), and Thai, Lao, Khmer and
 * Burmese form runs of their own, cut out of a word of another script (ICU does not break `atmที่ไหน`).
 */
const TOKEN_WITH_UNSPACED_SCRIPTS = new RegExp(
  String.raw`<[A-Z]+>|(?:(?=[\p{L}\p{M}])[\p{sc=Han}${KANA}])+|(?:(?=[\p{L}\p{M}\p{N}])[${SOUTHEAST_ASIAN}])+|` +
    String.raw`(?:${NOT_UNSPACED}[\p{L}\p{N}\p{M}])+(?:['’](?:${NOT_UNSPACED}[\p{L}\p{M}])+)*`,
  'gu',
);
const HAS_KANA = new RegExp(`[${KANA}]`, 'u');
const SOUTHEAST_ASIAN_RUN = new RegExp(`^[${SOUTHEAST_ASIAN}]`, 'u');

export interface TokenizerOptions {
  /**
   * Splits runs of Thai, Lao, Khmer, Burmese and Japanese into words with ICU's dictionaries (Node's
   * `Intl.Segmenter`, no download). Without it (featurizer versions 1 and 2) a Thai run is one token, known to the
   * model by its character n-grams only, and Japanese kana runs break at every kanji.
   */
  segmentUnspacedScripts: boolean;
}

/**
 * Splits normalised text into tokens. Chinese has no spaces, so runs of Han characters go through jieba; its
 * dictionary ships inside @node-rs/jieba (no download) and is loaded on first use because it takes ~0.3 s. Runs
 * with kana are Japanese, not Chinese, and go through ICU, like the other scripts without spaces.
 */
export class Tokenizer {
  private jieba: Jieba | undefined;
  /** Locale `und`: the words must not depend on the server's locale settings. */
  private readonly icuWords = new Intl.Segmenter('und', { granularity: 'word' });

  constructor(private readonly options: TokenizerOptions) {}

  tokenize(normalized: string): string[] {
    const tokens: string[] = [];
    const pattern = this.options.segmentUnspacedScripts ? TOKEN_WITH_UNSPACED_SCRIPTS : TOKEN;
    for (const [token] of normalized.matchAll(pattern)) {
      if (this.options.segmentUnspacedScripts && (SOUTHEAST_ASIAN_RUN.test(token) || HAS_KANA.test(token))) {
        for (const part of this.icuWords.segment(token)) if (part.isWordLike) tokens.push(part.segment);
      } else if (HAN_RUN.test(token) && token.length > 1) {
        for (const word of this.chineseSegmenter().cut(token, false)) tokens.push(word);
      } else {
        tokens.push(token.replaceAll('’', "'"));
      }
    }
    return tokens;
  }

  private chineseSegmenter(): Jieba {
    this.jieba ??= Jieba.withDict(dict);
    return this.jieba;
  }
}
