import { invalid, type Query } from '@aftersales/kernel';
import type { Filter, IndexSpecification } from 'mongodb';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** A stored document: its JSON exactly as committed, and the top-level fields that queries filter on. */
export interface StoredDocument {
  _id: string;
  /** The document as JSON: read back exactly as it was put (key order, number forms), whatever the server keeps. */
  j: string;
  /** Top-level scalar fields (see filterFieldsOf). */
  f: Record<string, FilterValue | Record<string, never>>;
}

export interface StoredRow {
  _id: string;
  p: string;
  s: number;
  v: string;
}

type FilterValue = string | number | boolean | null;

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The fields a query may filter on, kept beside the JSON: every top-level field with an identifier name. A string,
 * number, boolean or null is kept as it is; an object or array becomes `{}`, which equals no filter value (a filter on
 * null must not match it, and an array must not match one of its elements, as it would in MongoDB).
 */
export function filterFieldsOf(doc: Record<string, unknown>): StoredDocument['f'] {
  const fields: StoredDocument['f'] = {};
  for (const [name, value] of Object.entries(doc)) {
    if (name === 'id' || value === undefined || !FIELD_NAME.test(name)) continue;
    fields[name] = value === null || typeof value !== 'object' ? (value as FilterValue) : {};
  }
  return fields;
}

function checkedField(field: string): string {
  if (!FIELD_NAME.test(field)) throw invalid(`cannot filter on field "${field}"`, [{ field, message: 'not a filterable field name' }]);
  return field;
}

/**
 * Equality on top-level fields and a range, as a MongoDB filter. MongoDB compares types as well as values (500 is not
 * "500", true is not 1) and `null` matches a missing field too: the port's rules. A range is on strings only (compared
 * bytewise, as ids sort); on `id` it is on `_id`, which the primary index serves.
 */
export function documentFilter(query: Query, afterId: string | undefined): Filter<StoredDocument> {
  const filter: Record<string, unknown> = {};
  for (const field of Object.keys(query.where ?? {}).sort()) {
    const value = query.where![checkedField(field)];
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw invalid(`cannot filter on a ${typeof value}`, [{ field, message: 'filter values are strings, numbers, booleans or null' }]);
    }
    filter[`f.${field}`] = value;
  }
  const ids: Record<string, string> = {};
  if (query.range) {
    const { field, from, before } = query.range;
    const bounds: Record<string, string> = {};
    if (from !== undefined) bounds.$gte = from;
    if (before !== undefined) bounds.$lt = before;
    if (checkedField(field) === 'id') Object.assign(ids, bounds);
    else filter[`f.${field}`] = { $type: 'string', ...bounds };
  }
  if (afterId !== undefined) ids.$gt = afterId;
  if (Object.keys(ids).length > 0) filter._id = ids;
  return filter as Filter<StoredDocument>;
}

/** The index that serves a query's shape: its equality fields, then its range field, then `_id` (the order of pages). */
export function indexFor(query: Query): IndexSpecification | undefined {
  const fields = Object.keys(query.where ?? {}).sort();
  const rangeField = query.range && query.range.field !== 'id' ? query.range.field : undefined;
  if (fields.length === 0 && rangeField === undefined) return undefined;
  const spec: Record<string, 1> = {};
  for (const field of fields) spec[`f.${field}`] = 1;
  if (rangeField !== undefined) spec[`f.${rangeField}`] = 1;
  spec._id = 1;
  return spec;
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}

/** The cursor is the last id of the page, base64url-encoded (the same cursors as the SQLite store's). */
export const encodeCursor = (lastId: string): string => Buffer.from(lastId, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
  if (id === undefined || encodeCursor(id) !== cursor) {
    throw invalid('the cursor is not one this API issued', [{ field: 'cursor', message: 'unknown cursor' }]);
  }
  return id;
}

export const encodeRowCursor = (lastSeq: number): string => encodeCursor(String(lastSeq));

export function decodeRowCursor(cursor: string): number {
  const seq = Number(decodeCursor(cursor));
  if (!Number.isSafeInteger(seq)) throw invalid('the cursor is not one this API issued', [{ field: 'cursor', message: 'unknown cursor' }]);
  return seq;
}
