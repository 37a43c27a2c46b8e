import { invalid, type Query } from '@aftersales/kernel';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

type FilterValue = string | number | boolean | null;

/** A WHERE fragment and its parameters for equality filters and a range on top-level fields of the JSON document. */
export interface DocumentFilter {
  /** Identifies the SQL text, so one prepared statement serves every query of the same shape. */
  shape: string;
  sql: string;
  params: (string | number)[];
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Types are compared as well as values, so `total: 500` does not match `"500"` and `express: true`
 * does not match `1`. `null` matches an explicit null and a missing field alike.
 */
export function documentFilter(where: Query['where'] = {}, range?: Query['range']): DocumentFilter {
  const shapes: string[] = [];
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  for (const field of Object.keys(where).sort()) {
    if (!FIELD_NAME.test(field)) throw invalid(`cannot filter on field "${field}"`, [{ field, message: 'not a filterable field name' }]);
    const path = `$.${field}`;
    const value: FilterValue = where[field];
    const kind = value === null ? 'null' : typeof value;
    shapes.push(`${field}:${kind}`);
    switch (kind) {
      case 'null':
        clauses.push('json_extract(doc, ?) IS NULL');
        params.push(path);
        break;
      case 'boolean':
        clauses.push(`json_type(doc, ?) = '${value ? 'true' : 'false'}'`);
        params.push(path);
        break;
      case 'number':
        clauses.push("(json_type(doc, ?) IN ('integer', 'real') AND json_extract(doc, ?) = ?)");
        params.push(path, path, value as number);
        break;
      case 'string':
        clauses.push("(json_type(doc, ?) = 'text' AND json_extract(doc, ?) = ?)");
        params.push(path, path, value as string);
        break;
      default:
        throw invalid(`cannot filter on a ${kind}`, [{ field, message: 'filter values are strings, numbers, booleans or null' }]);
    }
  }
  if (range) {
    const bounded = rangeFilter(range);
    shapes.push(bounded.shape);
    clauses.push(...bounded.clauses);
    params.push(...bounded.params);
  }
  return { shape: shapes.join(','), sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

/** A range on `id` compares the column, so the (collection, id) key serves it; any other field is read from the JSON. */
function rangeFilter({ field, from, before }: NonNullable<Query['range']>): { shape: string; clauses: string[]; params: string[] } {
  if (!FIELD_NAME.test(field)) throw invalid(`cannot filter on field "${field}"`, [{ field, message: 'not a filterable field name' }]);
  const bounds = [from === undefined ? '' : 'from', before === undefined ? '' : 'before'].join('-');
  const clauses: string[] = [];
  const params: string[] = [];
  const value = field === 'id' ? 'id' : 'json_extract(doc, ?)';
  const path = `$.${field}`;
  if (field !== 'id') {
    clauses.push("json_type(doc, ?) = 'text'");
    params.push(path);
  }
  if (from !== undefined) {
    clauses.push(`${value} >= ?`);
    params.push(...(field === 'id' ? [] : [path]), from);
  }
  if (before !== undefined) {
    clauses.push(`${value} < ?`);
    params.push(...(field === 'id' ? [] : [path]), before);
  }
  return { shape: `range(${field === 'id' ? 'id' : 'field'}:${bounds})`, clauses, params };
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}

/** The cursor is the last id of the page, base64url-encoded: opaque to clients, stable across restarts. */
export const encodeCursor = (lastId: string): string => Buffer.from(lastId, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
  if (id === undefined || encodeCursor(id) !== cursor) {
    throw invalid('the cursor is not one this API issued', [{ field: 'cursor', message: 'unknown cursor' }]);
  }
  return id;
}

/** A row cursor is the `seq` of the page's last row, encoded like a document cursor. */
export const encodeRowCursor = (lastSeq: number): string => encodeCursor(String(lastSeq));

export function decodeRowCursor(cursor: string): number {
  const seq = Number(decodeCursor(cursor));
  if (!Number.isSafeInteger(seq)) throw invalid('the cursor is not one this API issued', [{ field: 'cursor', message: 'unknown cursor' }]);
  return seq;
}
