export {
  isBankCardNumber,
  isEmailAddress,
  isMainlandMobile,
  isResidentIdNumber,
  luhnCheckDigit,
  normalizeMobile,
  residentIdCheckCharacter,
} from './identifier-checks.ts';
export { maskLogFields } from './log-masking.ts';
export {
  detectPersonalData,
  maskIdentifier,
  maskPersonalDataInText,
  type PersonalDataKind,
  type PersonalDataMatch,
} from './personal-data-scanner.ts';
