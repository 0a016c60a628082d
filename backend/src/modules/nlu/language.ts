export type Language = 'zh' | 'en';

const HAN = /\p{Script=Han}/u;

/** Chinese when the message holds any Han character (customers mix in English words: "APP怎么登录"), else English. */
export function detectLanguage(text: string): Language {
  return HAN.test(text) ? 'zh' : 'en';
}
