import { invalid } from '@aftersales/kernel';

/** Carrier times come with any offset; we keep them in UTC so they sort and compare as text too. */
export function isoTime(value: string, field: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw invalid('not a date-time', [{ field, message: 'must be an ISO 8601 date-time' }]);
  return new Date(time).toISOString();
}
