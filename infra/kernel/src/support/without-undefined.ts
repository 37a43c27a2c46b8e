/** Drops keys whose value is undefined, so folded state equals its JSON round trip (the read model). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
