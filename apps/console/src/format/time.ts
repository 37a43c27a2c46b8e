/**
 * Times arrive as ISO 8601 UTC strings; the console shows them in the viewer's zone (the browser's, through Intl) and
 * deadlines relative to now ("due in 3 h", "2 h overdue"). `timeZone` is a parameter only so tests can pin it.
 */

export function formatInstant(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

export type DurationUnit = 'minute' | 'hour' | 'day';

/** A span in the largest unit that keeps it ≥ 1, rounded down (a deadline 59 minutes away is "59 min", not "1 h"). */
export function roundSpan(ms: number): { value: number; unit: DurationUnit } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 60) return { value: Math.max(minutes, 1), unit: 'minute' };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { value: hours, unit: 'hour' };
  return { value: Math.floor(hours / 24), unit: 'day' };
}

/** `3 h`, `3 小时`: the span in the viewer's language. */
export function formatSpan(ms: number, locale: string): string {
  const { value, unit } = roundSpan(ms);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

export interface RelativeDeadline {
  overdue: boolean;
  /** The span to or past the deadline, in words of the locale (`3 h`). */
  span: string;
}

/** Where `dueAt` stands from `now`: due in a span, or overdue by one (a deadline reached this instant is overdue). */
export function relativeDeadline(dueAt: string, now: Date, locale: string): RelativeDeadline {
  const ms = new Date(dueAt).getTime() - now.getTime();
  return { overdue: ms <= 0, span: formatSpan(ms, locale) };
}

/** "updated 12 s ago" style stamps: seconds since `at`, never negative. */
export const secondsSince = (at: number, now: number): number => Math.max(0, Math.floor((now - at) / 1000));
