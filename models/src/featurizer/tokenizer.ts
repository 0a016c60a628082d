import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Placeholders, runs of Han characters, or words of any other script (letters, digits, inner apostrophes). */
const TOKEN =
  /<[A-Z]+>|\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+(?:['’](?:(?!\p{Script=Han})[\p{L}\p{M}])+)*/gu;
const HAN_RUN = /^\p{Script=Han}/u;

/**
 * Splits normalised text into tokens. Chinese has no spaces, so runs of Han characters go through jieba; its
 * dictionary ships inside @node-rs/jieba (no download) and is loaded on first use because it takes ~0.3 s.
 */
export class Tokenizer {
  private jieba: Jieba | undefined;

  tokenize(normalized: string): string[] {
    const tokens: string[] = [];
    for (const match of normalized.matchAll(TOKEN)) {
      const token = match[0];
      if (HAN_RUN.test(token) && token.length > 1) {
        for (const word of this.segmenter().cut(token, false)) tokens.push(word);
      } else {
        tokens.push(token.replaceAll('’', "'"));
      }
    }
    return tokens;
  }

  private segmenter(): Jieba {
    this.jieba ??= Jieba.withDict(dict);
    return this.jieba;
  }
}
