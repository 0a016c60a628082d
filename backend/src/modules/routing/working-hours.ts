import type { WorkingHours } from './routing.ts';

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Whether `at` falls in one of the windows, read on the wall clock of the group's time zone (DST included). */
export function isOpen(hours: WorkingHours | null, at: Date): boolean {
  if (!hours) return true;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: hours.timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const day = weekdays[parts.weekday];
  const time = `${parts.hour}:${parts.minute}`;
  return hours.windows.some((window) => window.days.includes(day) && window.from <= time && time < window.to);
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
