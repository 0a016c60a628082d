import { isLuhnValid, isResidentIdValid } from '../featurizer/checksums.ts';
import type { Entity, EntityType } from './entity.ts';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const RESIDENT_ID = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const CARD = /(?<![\d-])\d{4}(?:[ -]?\d{3,4}){2,3}(?:[ -]?\d{1,3})?(?![\d-])/g;
const MOBILE = /(?<![\d+])(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)/g;
/** Long digit runs that are neither cards, identity numbers nor phones: account numbers in practice. */
const ACCOUNT = /(?<!\d)\d{10,30}(?!\d)/g;

/**
 * Card numbers (13-19 digits passing Luhn), resident identity numbers (MOD 11-2), mainland mobile numbers, e-mail
 * addresses and account numbers. The same checksums decide the featurizer's placeholders.
 */
export class IdentifierRecognizer {
  recognize(text: string): Entity[] {
    const found: Entity[] = [];
    const add = (type: EntityType, m: RegExpMatchArray, value: string) => {
      const start = m.index ?? 0;
      found.push({ type, text: m[0], start, end: start + m[0].length, value });
    };
    for (const m of text.matchAll(EMAIL)) add('email', m, m[0].toLowerCase());
    for (const m of text.matchAll(RESIDENT_ID)) if (isResidentIdValid(m[0])) add('id_number', m, m[0].toUpperCase());
    for (const m of text.matchAll(CARD)) {
      const digits = m[0].replace(/[ -]/g, '');
      if (digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits)) add('card_number', m, digits);
    }
    for (const m of text.matchAll(MOBILE)) add('phone', m, `${m[1]}${m[2]}${m[3]}`);
    for (const m of text.matchAll(ACCOUNT)) add('account_number', m, m[0]);
    return found;
  }
}
