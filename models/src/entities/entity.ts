export type EntityType = 'amount' | 'date' | 'card_number' | 'account_number' | 'id_number' | 'phone' | 'email';

/** A span found in a message; `start`/`end` are UTF-16 offsets into the original text. */
export interface Entity {
  type: EntityType;
  text: string;
  start: number;
  end: number;
  /** Amount: number in major units; date: ISO `YYYY-MM-DD`; identifiers: digits only (or the address). */
  value: number | string;
  /** Amounts only: ISO 4217 code when the text names a currency. */
  currency?: string;
}

/** Replaces full-width ASCII forms with their half-width twins one character for one, so offsets stay valid. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
