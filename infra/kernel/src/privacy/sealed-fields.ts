import { catalogue, erasedValueOf, protectedFieldsOf, schemaAtPath } from '@aftersales/contracts';
import type { DataKey } from '../ports/key-store';
import { isProtectedEnvelope, openValue, sealValue } from './field-cipher';

type Data = Record<string, unknown>;
type FieldMap = (value: unknown, path: string) => Promise<unknown>;

/** A copy of `data` with the value at `path` (`a` or `a[].b`) mapped; absent values are left out of the map. */
async function mapPath(data: Data, path: string, map: FieldMap, fullPath = path): Promise<Data> {
  const dot = path.indexOf('.');
  if (dot < 0) return data[path] === undefined ? data : { ...data, [path]: await map(data[path], fullPath) };
  const head = path.slice(0, dot);
  const rest = path.slice(dot + 1);
  const items = data[head.endsWith('[]') ? head.slice(0, -2) : head];
  if (!head.endsWith('[]') || !Array.isArray(items)) return data;
  const mapped = await Promise.all(
    items.map((item) => (item && typeof item === 'object' ? mapPath(item as Data, rest, map, fullPath) : item)),
  );
  return { ...data, [head.slice(0, -2)]: mapped };
}

async function mapFields(type: string, data: unknown, map: FieldMap): Promise<unknown> {
  const paths = protectedFieldsOf(type);
  if (!paths || !data || typeof data !== 'object') return data;
  let result = data as Data;
  for (const path of paths) result = await mapPath(result, path, map);
  return result;
}

/** Whether `data` holds a value at `path` (`a` or `a[].b`). */
function holdsValueAt(data: Data, path: string): boolean {
  const dot = path.indexOf('.');
  if (dot < 0) return data[path] !== undefined;
  const items = data[path.slice(0, dot).replace(/\[\]$/, '')];
  return (
    Array.isArray(items) &&
    items.some((item) => item !== null && typeof item === 'object' && holdsValueAt(item as Data, path.slice(dot + 1)))
  );
}

/** Whether this event's data holds anything to seal (an optional text left out holds nothing). */
export const holdsSealableValue = (type: string, data: unknown): boolean =>
  data !== null && typeof data === 'object' && (protectedFieldsOf(type) ?? []).some((path) => holdsValueAt(data as Data, path));

/** Whether events of this type carry sealed fields. */
export const hasSealedFields = (type: string): boolean => protectedFieldsOf(type) !== undefined;

/** The data with every protected field of its type sealed under the key. */
export const sealFields = (type: string, data: unknown, key: DataKey): Promise<unknown> =>
  mapFields(type, data, async (value) => sealValue(value, key));

/**
 * The data with every sealed field opened, or erased (its schema's shape, every text `[erased]`) when its key is gone.
 * Fields written in clear before sealing existed are read as they are.
 */
export function openFields(
  type: string,
  schemaVersion: number,
  data: unknown,
  keyOf: (keyId: string) => Promise<DataKey | undefined>,
): Promise<unknown> {
  return mapFields(type, data, async (value, path) => {
    if (!isProtectedEnvelope(value)) return value;
    const key = await keyOf(value.keyId);
    if (key) return openValue(value, key.key);
    const definition = catalogue.find(type, schemaVersion) ?? catalogue.definition(type, catalogue.latestVersion(type));
    return erasedValueOf(schemaAtPath(definition.schema, path));
  });
}
