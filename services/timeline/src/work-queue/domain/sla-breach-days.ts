import type { SlaBreach } from './sla-breach';

/** One day (UTC) of the breaches chart: how many deadlines passed, per metric. */
export interface SlaBreachDay {
  day: string;
  total: number;
  byMetric: Record<string, number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The days from `from` to `to` (both YYYY-MM-DD, inclusive). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00.000Z`); t <= Date.parse(`${to}T00:00:00.000Z`); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The day after a YYYY-MM-DD day. */
export const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);

/** Counts breaches per day (of `breachedAt`, UTC) and metric; every day of the period is there, a quiet one with zero. */
export function breachesPerDay(breaches: readonly Pick<SlaBreach, 'metric' | 'breachedAt'>[], from: string, to: string): SlaBreachDay[] {
  const days = new Map(daysBetween(from, to).map((day): [string, SlaBreachDay] => [day, { day, total: 0, byMetric: {} }]));
  for (const breach of breaches) {
    const day = days.get(breach.breachedAt.slice(0, 10));
    if (!day) continue;
    day.total += 1;
    day.byMetric[breach.metric] = (day.byMetric[breach.metric] ?? 0) + 1;
  }
  return [...days.values()];
}
