import { isLuhnValid, isResidentIdValid } from './checksums.ts';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const RESIDENT_ID = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
/** 13-19 digits, optionally written in groups separated by one space or dash. */
const CARD = /(?<![\d-])\d{4}(?:[ -]?\d{3,4}){2,3}(?:[ -]?\d{1,3})?(?![\d-])/g;
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;

/**
 * Replaces personal data with placeholders before features are taken, so a model never learns (or stores)
 * a customer's card, identity number, phone or address, and all numbers of one kind look alike to it.
 */
export class PersonalDataMasker {
  mask(text: string): string {
    let out = text.replace(EMAIL, ' <EMAIL> ');
    out = out.replace(RESIDENT_ID, (m) => (isResidentIdValid(m) ? ' <IDCARD> ' : m));
    out = out.replace(CARD, (m) => {
      const digits = m.replace(/[ -]/g, '');
      return digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits) ? ' <CARD> ' : m;
    });
    out = out.replace(MOBILE, ' <PHONE> ');
    out = out.replace(NUMBER, ' <NUM> ');
    return out.replace(/ {2,}/g, ' ').trim();
  }
}
