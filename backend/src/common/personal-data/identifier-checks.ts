/**
 * Validity rules of the identifiers Kefu treats as personal data, written out here (no library) because each is a
 * few lines of a published standard and the log pipeline must not pull a dependency into every log line:
 * - 居民身份证号码 GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check
 *   character (0-9 or X);
 * - bank card numbers ISO/IEC 7812: 13-19 digits, Luhn check digit, an issuer prefix (BIN) of a scheme that Chinese
 *   banks issue or accept;
 * - mainland mobile numbers (工信部 numbering plan): 11 digits starting 13-19.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID number. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK_CHARACTERS[sum % 11] as string;
}

/**
 * True for an 18-character resident ID number with a plausible region (province codes 11-82), a real birth date
 * between 1900 and today, and a correct check character. `today` is a parameter so tests do not depend on the clock.
 */
export function isResidentIdNumber(value: string, today: Date = new Date()): boolean {
  if (!/^[1-8]\d{16}[\dXx]$/.test(value)) return false;
  const province = Number(value.slice(0, 2));
  if (province < 11 || province > 82) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900) return false;
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  if (birth.getTime() > today.getTime()) return false;
  return residentIdCheckCharacter(value.slice(0, 17)) === value[17]?.toUpperCase();
}

/** The Luhn check digit that completes `payload` (all digits but the last). */
export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i += 1) {
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

export function passesLuhn(digits: string): boolean {
  return digits.length > 1 && luhnCheckDigit(digits.slice(0, -1)) === digits.at(-1);
}

/**
 * Issuer prefixes and the lengths each scheme issues: UnionPay (62, 81), Visa (4), Mastercard (51-55, 2221-2720),
 * American Express (34, 37), JCB (3528-3589), Diners (36, 300-305), Discover (6011, 644-649, 65). An order number or
 * a timestamp that happens to pass Luhn rarely also has a scheme's prefix and length.
 */
export function hasPlausibleCardPrefix(digits: string): boolean {
  const n = digits.length;
  const two = Number(digits.slice(0, 2));
  const three = Number(digits.slice(0, 3));
  const four = Number(digits.slice(0, 4));
  if (two === 62 || two === 81) return n >= 16 && n <= 19;
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19;
  if (two >= 51 && two <= 55) return n === 16;
  if (four >= 2221 && four <= 2720) return n === 16;
  if (two === 34 || two === 37) return n === 15;
  if (four >= 3528 && four <= 3589) return n >= 16 && n <= 19;
  if (two === 36) return n >= 14 && n <= 19;
  if (three >= 300 && three <= 305) return n >= 14 && n <= 19;
  if (four === 6011 || (three >= 644 && three <= 649) || two === 65) return n >= 16 && n <= 19;
  return false;
}

/** 13-19 digits, a scheme's prefix and length, and a correct Luhn digit. */
export function isBankCardNumber(digits: string): boolean {
  return /^\d{13,19}$/.test(digits) && hasPlausibleCardPrefix(digits) && passesLuhn(digits);
}

/** 11 digits, 13x-19x; a leading +86 / 0086 and spaces or dashes between the groups are ignored. */
export function isMainlandMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizeMobile(value));
}

/** The canonical form of a mobile number, for blind indexes: digits only, without the country code. */
export function normalizeMobile(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  return digits.replace(/^(?:\+86|0086|86)(?=1[3-9]\d{9}$)/, '');
}

export function isEmailAddress(value: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(value) && value.length <= 254;
}
