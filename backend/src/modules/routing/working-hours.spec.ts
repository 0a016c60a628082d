import { isOpen, isTimeZone } from './working-hours.ts';

const weekdays = { timezone: 'Asia/Shanghai', windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' }] };

describe('working hours', () => {
  it('is always open without hours', () => {
    expect(isOpen(null, new Date('2026-11-29T03:00:00Z'))).toBe(true);
  });

  it('reads the clock in the group’s time zone', () => {
    // Monday 2026-11-30 09:30 in Shanghai is 01:30 UTC.
    expect(isOpen(weekdays, new Date('2026-11-30T01:30:00Z'))).toBe(true);
    // 08:59 Shanghai.
    expect(isOpen(weekdays, new Date('2026-11-30T00:59:00Z'))).toBe(false);
    // 18:00 Shanghai: the window ends before it.
    expect(isOpen(weekdays, new Date('2026-11-30T10:00:00Z'))).toBe(false);
  });

  it('is closed on days without a window', () => {
    // Saturday 2026-11-28 10:00 Shanghai.
    expect(isOpen(weekdays, new Date('2026-11-28T02:00:00Z'))).toBe(false);
  });

  it('knows time zone names', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
