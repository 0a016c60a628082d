import { AmountRecognizer } from './amount-recognizer.ts';
import { DateRecognizer } from './date-recognizer.ts';
import { type Entity, toHalfWidth } from './entity.ts';
import { IdentifierRecognizer } from './identifier-recognizer.ts';

/** Earlier in this list wins when two entities overlap over the same length. */
const PRIORITY = ['email', 'id_number', 'card_number', 'phone', 'date', 'amount', 'account_number'];

/**
 * Rule- and dictionary-based entities (amounts, dates, cards, accounts, identity numbers, phones, e-mails).
 * Overlapping finds are resolved longest first, then by PRIORITY, so "2026年3月5日" is one date, not two.
 */
export class EntityExtractor {
  private readonly identifiers = new IdentifierRecognizer();
  private readonly amounts = new AmountRecognizer();
  private readonly dates = new DateRecognizer();

  /** `today` anchors relative dates (今天, next Monday); pass the customer's current date. */
  extract(text: string, today: Date): Entity[] {
    const half = toHalfWidth(text);
    const candidates = [
      ...this.identifiers.recognize(half),
      ...this.dates.recognize(half, today),
      ...this.amounts.recognize(half),
    ].sort(
      (a, b) =>
        b.end - b.start - (a.end - a.start) || PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type) || a.start - b.start,
    );
    const kept: Entity[] = [];
    for (const candidate of candidates) {
      if (kept.some((k) => candidate.start < k.end && k.start < candidate.end)) continue;
      kept.push({ ...candidate, text: text.slice(candidate.start, candidate.end) });
    }
    return kept.sort((a, b) => a.start - b.start);
  }
}
