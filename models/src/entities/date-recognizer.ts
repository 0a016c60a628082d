import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from './chinese-numerals.ts';
import type { Entity } from './entity.ts';

const DAY_MS = 86_400_000;
const ZH_RELATIVE_DAYS: Record<string, number> = {
  大前天: -3,
  前天: -2,
  昨天: -1,
  昨日: -1,
  今天: 0,
  今日: 0,
  明天: 1,
  明日: 1,
  后天: 2,
  大后天: 3,
};
const EN_RELATIVE_DAYS: Record<string, number> = {
  'day before yesterday': -2,
  yesterday: -1,
  today: 0,
  tomorrow: 1,
  'day after tomorrow': 2,
};
const ZH_WEEKDAYS = '一二三四五六日天';
const EN_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(${EN_MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')})\\.?`;
const CN_NUM = `[${CHINESE_NUMERAL_CHARS}]+`;

interface Rule {
  pattern: RegExp;
  resolve(m: RegExpMatchArray, today: number): number | undefined;
}

/**
 * Absolute and relative dates in Chinese and English, resolved against a reference day (injected, so results are
 * testable and follow the customer's time zone). Weeks start on Monday: 下周一 / "next Monday" is the Monday of next
 * week, a bare 周五 / "Friday" is the next such day from today on.
 */
export class DateRecognizer {
  private readonly rules: Rule[] = [
    {
      pattern: /(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]?|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/g,
      resolve: (m) => utcDay(Number(m[1] ?? m[4]), Number(m[2] ?? m[5]), Number(m[3] ?? m[6])),
    },
    {
      pattern: new RegExp(`(?:(${CN_NUM}|\\d{1,2})\\s?月\\s?(${CN_NUM}|\\d{1,2})\\s?[日号])`, 'g'),
      resolve: (m, today) =>
        utcDay(new Date(today).getUTCFullYear(), toNumber(m[1]) ?? Number.NaN, toNumber(m[2]) ?? Number.NaN),
    },
    {
      pattern: new RegExp(`\\b${MONTH}\\s(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(\\d{4}))?\\b`, 'gi'),
      resolve: (m, today) => utcDay(yearOr(m[3], today), monthOf(m[1]), Number(m[2])),
    },
    {
      pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH}(?:,?\\s(\\d{4}))?\\b`, 'gi'),
      resolve: (m, today) => utcDay(yearOr(m[3], today), monthOf(m[2]), Number(m[1])),
    },
    {
      pattern: /大前天|前天|昨天|昨日|今天|今日|明天|明日|大后天|后天/g,
      resolve: (m, today) => today + ZH_RELATIVE_DAYS[m[0]] * DAY_MS,
    },
    {
      pattern: /\b(?:the\s)?(day before yesterday|day after tomorrow|yesterday|today|tomorrow)\b/gi,
      resolve: (m, today) => today + EN_RELATIVE_DAYS[m[1].toLowerCase()] * DAY_MS,
    },
    {
      pattern: new RegExp(`(下下|下个?|上个?|这个?|本)?(?:周|星期|礼拜)([${ZH_WEEKDAYS}])`, 'g'),
      resolve: (m, today) => weekday(today, Math.min(ZH_WEEKDAYS.indexOf(m[2]), 6), zhWeekOffset(m[1])),
    },
    {
      pattern: new RegExp(`\\b(?:(next|this|last)\\s)?(${EN_WEEKDAYS.join('|')})\\b`, 'gi'),
      resolve: (m, today) => weekday(today, EN_WEEKDAYS.indexOf(m[2].toLowerCase()), enWeekOffset(m[1])),
    },
    {
      pattern: new RegExp(`(\\d+|${CN_NUM})\\s?天(以后|之后|后|以前|之前|前)`, 'g'),
      resolve: (m, today) => shift(today, toNumber(m[1]), m[2].endsWith('前') ? -1 : 1),
    },
    {
      pattern: /\bin\s(\d+)\sdays?\b|\b(\d+)\sdays?\s(ago|from now|later)\b/gi,
      resolve: (m, today) => shift(today, Number(m[1] ?? m[2]), m[3]?.toLowerCase() === 'ago' ? -1 : 1),
    },
  ];

  /** `reference` is "today" for the customer; only its calendar date (UTC fields) is used. */
  recognize(text: string, reference: Date): Entity[] {
    const today = utcDay(reference.getUTCFullYear(), reference.getUTCMonth() + 1, reference.getUTCDate()) ?? 0;
    const found: Entity[] = [];
    for (const rule of this.rules) {
      for (const m of text.matchAll(rule.pattern)) {
        const day = rule.resolve(m, today);
        if (day === undefined || Number.isNaN(day)) continue;
        const start = m.index ?? 0;
        found.push({ type: 'date', text: m[0], start, end: start + m[0].length, value: isoDate(day) });
      }
    }
    return found;
  }
}

function utcDay(year: number, month: number, day: number): number | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const time = Date.UTC(year, month - 1, day);
  return new Date(time).getUTCDate() === day ? time : undefined;
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function toNumber(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

function monthOf(name: string): number {
  return EN_MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1;
}

function yearOr(year: string | undefined, today: number): number {
  return year ? Number(year) : new Date(today).getUTCFullYear();
}

function shift(today: number, days: number | undefined, sign: number): number | undefined {
  return days === undefined ? undefined : today + sign * days * DAY_MS;
}

/** Day `index` (0 = Monday) of the week `weekOffset` weeks away; without an offset, the next such day from today. */
function weekday(today: number, index: number, weekOffset: number | undefined): number {
  const todayIndex = (new Date(today).getUTCDay() + 6) % 7;
  if (weekOffset === undefined) return today + ((index - todayIndex + 7) % 7) * DAY_MS;
  return today + (weekOffset * 7 + index - todayIndex) * DAY_MS;
}

function zhWeekOffset(prefix: string | undefined): number | undefined {
  if (!prefix) return undefined;
  if (prefix === '下下') return 2;
  if (prefix.startsWith('下')) return 1;
  if (prefix.startsWith('上')) return -1;
  return 0;
}

function enWeekOffset(prefix: string | undefined): number | undefined {
  if (!prefix) return undefined;
  return { next: 1, this: 0, last: -1 }[prefix.toLowerCase()];
}
