/** Drops keys whose value is undefined, so folded state equals its JSON round trip (the read model). */
export function withoutUndefined<T extends object>(value: T): T {
  const defined: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    // An own "__proto__" key (JSON.parse makes one) stays a plain field: assigning it would set the prototype.
    if (key === '__proto__') Object.defineProperty(defined, key, { value: field, enumerable: true, writable: true, configurable: true });
    else defined[key] = field;
  }
  return defined as T;
}
