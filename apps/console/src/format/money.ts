/**
 * Money is an integer of minor units (fen for CNY) everywhere in the API. The console shows it in yuan with the fen
 * exact and reads typed yuan back to fen with string arithmetic only: a float never holds an amount.
 */

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$', JPY: '¥', GBP: '£' };
/** Currencies without minor units in display (JPY); everything else has two decimals. */
const DECIMALS: Record<string, number> = { JPY: 0 };

const decimalsOf = (currency: string): number => DECIMALS[currency] ?? 2;

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `123450` fen → `¥1,234.50`; `-5` → `-¥0.05`. Throws on a non-integer: amounts are always whole minor units. */
export function formatMoney(minor: number, currency = 'CNY'): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money must be an integer of minor units, got ${minor}`);
  const decimals = decimalsOf(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${sign}${SYMBOLS[currency] ?? `${currency} `}${groupThousands(whole)}${fraction}`;
}

export type ParsedMoney = { ok: true; minor: number } | { ok: false; reason: 'empty' | 'format' | 'too_many_decimals' | 'too_large' };

/**
 * Typed yuan text → minor units, exactly: `12.3` → 1230, `1,234.50` → 123450, `¥8` → 800. Refuses more decimals than
 * the currency has, signs (an amount entered is never negative), and anything that is not a number.
 */
export function parseMoney(text: string, currency = 'CNY'): ParsedMoney {
  const cleaned = text.trim().replace(/^[¥$€£]|^HK\$/, '').replace(/[,\s，]/g, '');
  if (cleaned === '') return { ok: false, reason: 'empty' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, reason: 'format' };
  const decimals = decimalsOf(currency);
  const [, whole, fraction = ''] = match;
  if (fraction.length > decimals) return { ok: false, reason: 'too_many_decimals' };
  const digits = `${whole}${fraction.padEnd(decimals, '0')}`.replace(/^0+(?=\d)/, '');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'too_large' };
  return { ok: true, minor };
}
