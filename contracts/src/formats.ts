import { FormatRegistry } from '@sinclair/typebox';

/** RFC 3339 date-time, as produced by `Date.prototype.toISOString()` (offsets allowed). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

export const isDateTime = (value: string): boolean => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

/**
 * TypeBox rejects values whose `format` it does not know, so every format the contracts use is registered here.
 * Idempotent: safe to call from every module that validates.
 */
export function registerContractFormats(): void {
  if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', isDateTime);
}
