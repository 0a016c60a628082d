import * as OpenCC from 'opencc-js';
import { PersonalDataMasker } from './personal-data-masker.ts';

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

export interface TextNormalizerOptions {
  /**
   * Leaves the kanji of a message with kana as they are: they are Japanese, not traditional Chinese, and the Japanese
   * dictionary that segments them knows 紛失, not 纷失 (featurizer version 3 on).
   */
  keepJapaneseKanji: boolean;
}

/**
 * Brings text to one canonical form: NFKC (full-width letters, digits and punctuation become half-width),
 * traditional to simplified Chinese, lower case, personal data replaced by placeholders.
 */
export class TextNormalizer {
  private readonly toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  private readonly masker = new PersonalDataMasker();

  constructor(private readonly options: TextNormalizerOptions = { keepJapaneseKanji: false }) {}

  normalize(text: string): string {
    let out = text.normalize('NFKC');
    // The converter costs ~15 µs per call; most Latin-script messages have no Han character at all.
    if (HAN.test(out) && !(this.options.keepJapaneseKanji && KANA.test(out))) out = this.toSimplified(out);
    return this.masker.mask(out.toLowerCase()).replace(/\s+/g, ' ');
  }
}
