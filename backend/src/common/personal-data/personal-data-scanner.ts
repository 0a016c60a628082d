import { isBankCardNumber, isEmailAddress, isMainlandMobile, isResidentIdNumber } from './identifier-checks.ts';

/** The kinds of personal data Kefu recognises in free text. */
export type PersonalDataKind = 'resident-id' | 'bank-card' | 'mobile' | 'email';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** Offsets into the scanned text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** The text as found, separators included. */
  text: string;
}

interface Candidate {
  kind: PersonalDataKind;
  pattern: RegExp;
  accept: (text: string) => boolean;
}

// Candidates are never part of a longer run of digits (or letters, for e-mail), so an order number that contains
// a mobile-shaped run is not a mobile number. Groups may be split by one space or dash, as people type them.
const candidates: readonly Candidate[] = [
  { kind: 'resident-id', pattern: /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, accept: (t) => isResidentIdNumber(t) },
  {
    kind: 'bank-card',
    pattern: /(?<![\d-])\d{4}(?:[ -]?\d){9,15}(?![\d])/g,
    accept: (t) => isBankCardNumber(digitsOf(t)),
  },
  {
    kind: 'mobile',
    pattern: /(?<![\d+])(?:(?:\+86|0086)[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![\d])/g,
    accept: (t) => isMainlandMobile(t),
  },
  {
    kind: 'email',
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    accept: (t) => isEmailAddress(t),
  },
];

/** Every piece of personal data in `text`, in order, without overlaps (the earlier kind in the list wins). */
export function detectPersonalData(text: string): PersonalDataMatch[] {
  // Cheap exit for the common log line: nothing that could start a match.
  if (!/(?:\d[ -]?){10}\d|@/.test(text)) return [];
  const found: PersonalDataMatch[] = [];
  for (const candidate of candidates) {
    for (const match of text.matchAll(candidate.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      if (candidate.accept(match[0])) found.push({ kind: candidate.kind, start, end, text: match[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The display form of one identifier (JR/T 0171-2020 and the banks' own rules): card at most the first 6 and last
 * 4 digits, resident ID the first 6 and last 4, mobile the first 3 and last 4, e-mail the first character of the
 * local part and the domain. Separators are dropped; a +86 prefix is kept.
 */
export function maskIdentifier(kind: PersonalDataKind, value: string): string {
  switch (kind) {
    case 'bank-card':
      return keepEnds(digitsOf(value), 6, 4);
    case 'resident-id':
      return keepEnds(value.toUpperCase(), 6, 4);
    case 'mobile': {
      const prefix = /^(\+86|0086)/.exec(value)?.[1];
      const national = digitsOf(value).slice(-11);
      return `${prefix ? `${prefix} ` : ''}${keepEnds(national, 3, 4)}`;
    }
    case 'email': {
      const at = value.lastIndexOf('@');
      return `${value.slice(0, Math.min(1, at))}***${value.slice(at)}`;
    }
    default: {
      const unhandled: never = kind;
      throw new Error(`no mask for ${String(unhandled)}`);
    }
  }
}

/** `text` with every detected identifier replaced by its display mask. */
export function maskPersonalDataInText(text: string): string {
  const matches = detectPersonalData(text);
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const match of matches) {
    out += text.slice(at, match.start) + maskIdentifier(match.kind, match.text);
    at = match.end;
  }
  return out + text.slice(at);
}

function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

function keepEnds(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return `${value.slice(0, head)}${'*'.repeat(value.length - head - tail)}${value.slice(-tail)}`;
}
