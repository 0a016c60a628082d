import { dueAt, slaState } from './ticket-sla.ts';

const minutes = { urgent: 60, high: 240, normal: 1440, low: 4320 };
const created = new Date('2026-11-02T09:00:00Z');

describe('ticket SLA timers', () => {
  it('sets the deadline from creation by priority', () => {
    expect(dueAt(created, 'urgent', minutes).toISOString()).toBe('2026-11-02T10:00:00.000Z');
    expect(dueAt(created, 'low', minutes).toISOString()).toBe('2026-11-05T09:00:00.000Z');
  });

  it('counts down while open and reports a breach once past due', () => {
    const due = dueAt(created, 'urgent', minutes);
    expect(slaState({ dueAt: due, status: 'open', resolvedAt: null }, new Date('2026-11-02T09:45:00Z'))).toEqual({
      dueAt: due,
      breached: false,
      minutesLeft: 15,
    });
    expect(slaState({ dueAt: due, status: 'pending', resolvedAt: null }, new Date('2026-11-02T10:30:00Z'))).toEqual({
      dueAt: due,
      breached: true,
      minutesLeft: -30,
    });
  });

  it('stops the clock at resolution: on time stays on time, late stays breached', () => {
    const due = dueAt(created, 'urgent', minutes);
    const later = new Date('2026-11-09T00:00:00Z');
    expect(slaState({ dueAt: due, status: 'closed', resolvedAt: new Date('2026-11-02T09:59:00Z') }, later)).toEqual({
      dueAt: due,
      breached: false,
      minutesLeft: null,
    });
    expect(
      slaState({ dueAt: due, status: 'resolved', resolvedAt: new Date('2026-11-02T10:01:00Z') }, later).breached,
    ).toBe(true);
  });
});
