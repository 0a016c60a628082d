import * as OpenCC from 'opencc-js';
import { PersonalDataMasker } from './personal-data-masker.ts';

const HAN = /\p{Script=Han}/u;

/**
 * Brings text to one canonical form: NFKC (full-width letters, digits and punctuation become half-width),
 * traditional to simplified Chinese, lower case, personal data replaced by placeholders.
 */
export class TextNormalizer {
  private readonly toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  private readonly masker = new PersonalDataMasker();

  normalize(text: string): string {
    let out = text.normalize('NFKC');
    // The converter costs ~15 µs per call; most Latin-script messages have no Han character at all.
    if (HAN.test(out)) out = this.toSimplified(out);
    return this.masker.mask(out.toLowerCase()).replace(/\s+/g, ' ');
  }
}
