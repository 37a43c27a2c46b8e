/**
 * A small deterministic YAML emitter for generated documents (block style, two-space indent, keys in insertion
 * order). Only JSON values are written; a string that could read as anything but itself is double-quoted with
 * JSON escapes, which YAML's double-quoted style accepts.
 */
export function toYaml(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('toYaml: the value has no JSON form');
  return `${lines(JSON.parse(json)).join('\n')}\n`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isCollection = (value: Json): value is Json[] | { [key: string]: Json } =>
  value !== null && typeof value === 'object' && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);

function lines(value: Json): string[] {
  if (!isCollection(value)) return [inline(value)];
  if (Array.isArray(value)) return value.flatMap((item) => prefixed('- ', lines(item)));
  return Object.entries(value).flatMap(([key, child]) =>
    isCollection(child) ? [`${scalarKey(key)}:`, ...lines(child).map((line) => `  ${line}`)] : [`${scalarKey(key)}: ${inline(child)}`],
  );
}

/** The first line after the prefix, the others aligned under it. */
const prefixed = (prefix: string, block: string[]): string[] =>
  block.map((line, index) => (index === 0 ? prefix : ' '.repeat(prefix.length)) + line);

function inline(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object') return '{}';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return plainOrQuoted(value);
}

const scalarKey = (key: string): string => plainOrQuoted(key);

/** Letters, digits and a few punctuation marks that mean nothing to YAML in the middle of a plain scalar. */
const PLAIN = /^[A-Za-z_$][A-Za-z0-9_$ .,()/-]*$/;
/** Plain scalars YAML 1.1 or 1.2 parsers would read as booleans or null. */
const RESERVED = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null']);

function plainOrQuoted(text: string): string {
  if (PLAIN.test(text) && !text.endsWith(' ') && !RESERVED.has(text.toLowerCase())) return text;
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
