/**
 * Integer money arithmetic for compensation rules. A rate (a percent with at most 2 decimals, or a multiple with at
 * most 4) is scaled to an integer over 10 000 and applied in BigInt, so nothing is lost to floating point.
 *
 * Rounding rule: the exact result is rounded half up to the minor unit (fen): 502.5 → 503, 502.49 → 502. Caps apply
 * after rounding. The explanation shows the exact value whenever rounding changed it.
 */
const SCALE = 10_000n;

export interface Scaled {
  /** The exact result as a decimal string, e.g. "5050" or "502.5". */
  exact: string;
  rounded: number;
}

/** `percent` % of `base` minor units. */
export const percentOf = (base: number, percent: number): Scaled => applyRate(base, toScaled(percent, 100, 2, 'percent'));

/** `multiple` × `base` minor units. */
export const multipleOf = (base: number, multiple: number): Scaled => applyRate(base, toScaled(multiple, 10_000, 4, 'multiple'));

function toScaled(rate: number, factor: number, decimals: number, what: string): bigint {
  const scaled = Math.round(rate * factor);
  if (!Number.isFinite(rate) || rate < 0 || Math.abs(scaled - rate * factor) > 1e-6) {
    throw new Error(`a ${what} rate must be non-negative with at most ${decimals} decimals, got ${rate}`);
  }
  return BigInt(scaled);
}

function applyRate(base: number, rate: bigint): Scaled {
  if (!Number.isSafeInteger(base) || base < 0) throw new Error(`an amount must be a non-negative integer in minor units, got ${base}`);
  const product = BigInt(base) * rate;
  const whole = product / SCALE;
  const fraction = product % SCALE;
  const exact = fraction === 0n ? `${whole}` : `${whole}.${fraction.toString().padStart(4, '0').replace(/0+$/, '')}`;
  return { exact, rounded: Number((product + SCALE / 2n) / SCALE) };
}

/** "= 5050" or "= 502.5, rounded half up to 503". */
export const showScaled = (value: Scaled): string => (value.exact === `${value.rounded}` ? `${value.rounded}` : `${value.exact}, rounded half up to ${value.rounded}`);

/** Applies a cap and says what happened. */
export function capped(amount: number, cap: number): { amount: number; text: string } {
  return amount > cap ? { amount: cap, text: `capped at ${cap} → ${cap}` } : { amount, text: `within the cap of ${cap} → ${amount}` };
}
