import { type FieldDefinition, fieldViolations } from './ticket-field.ts';

const definitions: FieldDefinition[] = [
  { key: 'card_type', label: 'Card', type: 'choice', options: ['debit', 'credit'], required: true },
  { key: 'amount', label: 'Amount', type: 'number', options: [], required: false },
  { key: 'since', label: 'Since', type: 'date', options: [], required: false },
];

describe('custom ticket field values', () => {
  it('accepts values that match their definitions', () => {
    expect(fieldViolations(definitions, { card_type: 'debit', amount: 12.5, since: '2026-10-01' }, true)).toEqual([]);
  });

  it('names each bad field and the rule it broke', () => {
    const violations = fieldViolations(
      definitions,
      { card_type: 'gold', amount: '12', since: '1.10.2026', x: 1 },
      true,
    );
    expect(violations.map(({ field, rule }) => `${field} ${rule}`)).toEqual([
      'fields.card_type isIn',
      'fields.amount isNumber',
      'fields.since isDate',
      'fields.x unknownField',
    ]);
  });

  it('takes a date only when it names a real day', () => {
    const dated = (since: string) => fieldViolations(definitions, { card_type: 'debit', since }, true).length === 0;
    expect(['2024-02-29', '2026-12-31'].map(dated)).toEqual([true, true]);
    expect(['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31'].map(dated)).toEqual([false, false, false, false]);
  });

  it('demands required fields at creation only', () => {
    expect(fieldViolations(definitions, {}, true)).toEqual([
      { field: 'fields.card_type', rule: 'required', message: 'card_type is required' },
    ]);
    expect(fieldViolations(definitions, {}, false)).toEqual([]);
  });
});
