/**
 * A response body serialized by the handler: JsonAnswerExpressAdapter writes `text` as it is (no second
 * serialization, none of Express' res.json/res.send work); anything else that serializes it (JSON.stringify, as
 * Nest's default adapter does) gets the same document from `toJSON()`.
 */
export class JsonAnswer<T> {
  constructor(
    readonly text: string,
    private readonly document: () => T,
  ) {}

  /** The document `text` is the JSON of. */
  get value(): T {
    return this.document();
  }

  toJSON(): T {
    return this.document();
  }
}

/**
 * JSON texts of the objects of a decider state (its nested objects, the elements of its arrays: an order's address,
 * notes, items), by identity. A state is never changed once built (the command handler caches it across commands),
 * so an object's text never goes stale, and the next command's state shares most of them (a new note, the 19 before
 * it, the same address).
 */
const elementTexts = new WeakMap<object, string>();

/** Quoted top-level keys: views have a few dozen field names; the bound only guards against a view keyed by data. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 1024;

function quoted(key: string): string {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, text);
  }
  return text;
}

function elementJson(element: unknown, cache: boolean): string | undefined {
  if (element === null || typeof element !== 'object') return JSON.stringify(element) ?? 'null';
  if (!cache) return JSON.stringify(element);
  let text = elementTexts.get(element);
  if (text === undefined) {
    text = JSON.stringify(element);
    elementTexts.set(element, text);
  }
  return text;
}

/** The JSON of a value as a property of an object; undefined where JSON.stringify leaves the property out. */
function valueJson(value: unknown, cacheElements: boolean): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (!Array.isArray(value)) return elementJson(value, cacheElements); // an address, deadlines: shared by the next states
      let text = '[';
      for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + (elementJson(value[i], cacheElements) ?? 'null');
      return text + ']';
    }
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return JSON.stringify(value); // bigint: throws as JSON.stringify does
  }
}

/**
 * `JSON.stringify({ ...view, revision, eventIds })`, the body every command answers with, in less time: the view's
 * top-level values are written one by one, and when the view is the decider's state itself (`viewIsState`: never
 * changed once built) the texts of its nested objects and array elements are reused from earlier answers.
 */
export function commandBodyJson(view: object, revision: number, eventIds: readonly string[], viewIsState: boolean): string {
  if (Object.hasOwn(view, 'revision') || Object.hasOwn(view, 'eventIds') || 'toJSON' in view) {
    return JSON.stringify({ ...view, revision, eventIds });
  }
  // Parts joined once: one flat string, where `+=` built a rope of a node per part that Node flattens again to count
  // the answer's bytes and to write it.
  const parts: string[] = [];
  const record = view as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (Array.isArray(value)) {
      parts.push(parts.length === 0 ? '{' : ',', quoted(key), ':[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) parts.push(',');
        parts.push(elementJson(value[i], viewIsState) ?? 'null');
      }
      parts.push(']');
      continue;
    }
    const json = valueJson(value, viewIsState);
    if (json === undefined) continue;
    parts.push(parts.length === 0 ? '{' : ',', quoted(key), ':', json);
  }
  parts.push(parts.length === 0 ? '{' : ',', '"revision":', valueJson(revision, false) ?? 'null', ',"eventIds":', JSON.stringify(eventIds), '}');
  return parts.join('');
}
