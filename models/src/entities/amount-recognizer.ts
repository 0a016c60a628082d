import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from './chinese-numerals.ts';
import type { Entity } from './entity.ts';

const CURRENCIES: [RegExp, string][] = [
  [/^(?:元|块钱|块|人民币|rmb|cny|yuan|¥|￥)$/i, 'CNY'],
  [/^(?:美元|美金|usd|dollars?|bucks|\$)$/i, 'USD'],
  [/^(?:欧元|eur|euros?|€)$/i, 'EUR'],
  [/^(?:港币|港元|hkd)$/i, 'HKD'],
];
const MULTIPLIERS: Record<string, number> = { 百: 100, 千: 1e3, k: 1e3, 万: 1e4, w: 1e4, 亿: 1e8 };
const SUFFIX_CURRENCY = '元|块钱|块|人民币|rmb|cny|yuan|美元|美金|usd|dollars?|bucks|欧元|eur|euros?|港币|港元|hkd';
const ARABIC = new RegExp(
  `([$¥€])?\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s?(百|千|万|亿|k\\b|w\\b)?\\s?(${SUFFIX_CURRENCY})?(?![a-z])`,
  'gi',
);
/** 三千五百块, 两万美元, 三点五元, and the spoken 三块五 (three yuan fifty: the trailing digit counts tenths). */
const CHINESE = new RegExp(
  `([${CHINESE_NUMERAL_CHARS}]+)(?:点([${CHINESE_NUMERAL_CHARS}]+))?(${SUFFIX_CURRENCY})(?:([一二两三四五六七八九])[毛角]?)?`,
  'g',
);

/** Money amounts in Arabic or Chinese numerals: ¥500, 5000元, 2.5万, 三千五百块, 两万美元, $1,200, 300 dollars. */
export class AmountRecognizer {
  recognize(text: string): Entity[] {
    const found: Entity[] = [];
    for (const m of text.matchAll(ARABIC)) {
      const [, symbol, integer, fraction, multiplier, suffix] = m;
      // A bare number is too ambiguous (dates, counts, ids): require a currency or a 万/亿-style multiplier.
      if (!symbol && !suffix && !multiplier) continue;
      const base = Number(`${integer.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
      const value = base * (multiplier ? MULTIPLIERS[multiplier.toLowerCase()] : 1);
      found.push(entity(m, roundCents(value), currencyOf(symbol ?? suffix)));
    }
    for (const m of text.matchAll(CHINESE)) {
      const [, integer, fraction, suffix, tenths] = m;
      const whole = parseChineseNumeral(integer);
      if (whole === undefined) continue;
      const decimals = fraction ? Number(`0.${[...fraction].map((c) => parseChineseNumeral(c)).join('')}`) : 0;
      const spokenTenths = tenths ? (parseChineseNumeral(tenths) ?? 0) / 10 : 0;
      found.push(entity(m, roundCents(whole + decimals + spokenTenths), currencyOf(suffix)));
    }
    return found;
  }
}

function entity(m: RegExpMatchArray, value: number, currency: string | undefined): Entity {
  const text = m[0].trim();
  const start = (m.index ?? 0) + m[0].indexOf(text);
  return { type: 'amount', text, start, end: start + text.length, value, ...(currency ? { currency } : {}) };
}

function currencyOf(marker: string | undefined): string | undefined {
  if (!marker) return undefined;
  return CURRENCIES.find(([pattern]) => pattern.test(marker))?.[1];
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
