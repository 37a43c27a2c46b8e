import { createHash } from 'node:crypto';
import { invalid } from '@aftersales/kernel';

/** The filter a page of entries was read with, its times already in ledger form. */
export interface EntryFilter {
  orderId?: string;
  shopId?: string;
  from?: string;
  to?: string;
}

/** What a ledger cursor holds: where the read model's pages go on, and which filter they belong to. */
interface CursorContent {
  /** The read model's own (opaque) cursor. */
  after: string;
  /** A fingerprint of the filter, so a cursor is refused with any other filter. */
  filter: string;
}

const badCursor = (message: string) => invalid('The cursor cannot be used', [{ field: '/cursor', message }]);

const fingerprint = (filter: EntryFilter): string =>
  createHash('sha256')
    .update(JSON.stringify([filter.orderId ?? null, filter.shopId ?? null, filter.from ?? null, filter.to ?? null]))
    .digest('base64url')
    .slice(0, 16);

export function encodeLedgerCursor(after: string, filter: EntryFilter): string {
  return Buffer.from(JSON.stringify({ after, filter: fingerprint(filter) } satisfies CursorContent), 'utf8').toString('base64url');
}

/** The read model's cursor inside a ledger cursor; refused (400 on `/cursor`) when malformed or issued for another filter. */
export function decodeLedgerCursor(cursor: string, filter: EntryFilter): string {
  const content = /^[A-Za-z0-9_-]+$/.test(cursor) ? parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  if (typeof content?.after !== 'string' || typeof content.filter !== 'string') throw badCursor('not a cursor this API issued');
  if (content.filter !== fingerprint(filter)) {
    throw badCursor('issued for another filter: page on with the same orderId, shopId, from and to, or start again without a cursor');
  }
  return content.after;
}

function parse(text: string): Partial<CursorContent> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Partial<CursorContent>) : undefined;
  } catch {
    return undefined;
  }
}
