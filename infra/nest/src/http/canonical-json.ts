/**
 * JSON with object keys sorted at every depth, so two bodies that mean the same hash the same
 * whatever order the client wrote the keys in. Array order is meaningful and kept.
 *
 * Written without recursion (an explicit stack), so no nesting depth can overflow the call stack; the output is
 * exactly `JSON.stringify` of the key-sorted value (stored request hashes stay valid).
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // Work items: a value still to write, or text to emit as is. Popped last-in first-out, so pushed in reverse.
  const stack: Array<{ value: unknown; inArray: boolean } | string> = [{ value, inArray: false }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const current = item.value;
    if (!isWritable(current)) {
      // JSON.stringify: a missing value is `null` in an array and at the top (the caller's default).
      out.push('null');
      continue;
    }
    if (current === null || typeof current !== 'object' || typeof (current as { toJSON?: unknown }).toJSON === 'function') {
      out.push(JSON.stringify(current) ?? 'null');
      continue;
    }
    if (Array.isArray(current)) {
      out.push('[');
      stack.push(']');
      for (let i = current.length - 1; i >= 0; i -= 1) {
        stack.push({ value: current[i], inArray: true });
        if (i > 0) stack.push(',');
      }
      continue;
    }
    const record = current as Record<string, unknown>;
    const keys = Object.keys(record)
      .sort()
      .filter((key) => isWritable(record[key]));
    out.push('{');
    stack.push('}');
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      stack.push({ value: record[keys[i]], inArray: false });
      stack.push(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`);
    }
  }
  return out.join('');
}

/** What JSON.stringify writes: not undefined, functions or symbols (left out of objects, `null` in arrays). */
const isWritable = (value: unknown): boolean => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
