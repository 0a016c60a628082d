import { maskIdentifier } from '../../common/personal-data/index.ts';

/**
 * Display masks for what staff see. Identifiers follow common/personal-data (JR/T 0171: card first 6 + last 4, ID
 * first 6 + last 4, mobile first 3 + last 4); names keep the first character (the surname of a Chinese name), so an
 * agent can address the customer as 张先生/女士 without the full name on screen.
 */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length <= 1) return '*';
  return `${characters[0]}${'*'.repeat(Math.min(characters.length - 1, 3))}`;
}

/**
 * The display value of an entity the NLU found in a message. Bank account numbers get the card rule; amounts and
 * dates are not personal data and pass through.
 */
export function maskEntityValue(type: string, value: number | string): number | string {
  const text = String(value);
  switch (type) {
    case 'card_number':
    case 'account_number':
      return maskIdentifier('bank-card', text);
    case 'id_number':
      return maskIdentifier('resident-id', text);
    case 'phone':
      return maskIdentifier('mobile', text);
    case 'email':
      return maskIdentifier('email', text);
    default:
      return value;
  }
}
