import type { CommandResult } from '@aftersales/kernel';
import { notFound } from '@aftersales/kernel';
import type { HttpResponseLike } from './http-types';

export const etagOf = (revision: number): string => `"${revision}"`;

export type CommandResponseBody<V> = V & { revision: number; eventIds: string[] };

/**
 * The answer to a command: the resource view plus `revision` and `eventIds`, ETag set. A replayed
 * Idempotency-Key answers with the same status as the first time and says so in `Idempotent-Replayed`.
 * Use with `@Res({ passthrough: true })`.
 */
export function commandResponse<S, V extends object>(
  res: HttpResponseLike,
  result: CommandResult<S>,
  view: (state: S) => V,
  status = 200,
): CommandResponseBody<V> {
  res.status(status);
  res.setHeader('ETag', etagOf(result.revision));
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return { ...view(result.state), revision: result.revision, eventIds: result.eventIds };
}

/** A read of one resource: 404 problem when it does not exist, else the document with its ETag. */
export function resourceResponse<T extends { revision: number }>(
  res: HttpResponseLike,
  doc: T | undefined | null,
  what: string,
  id: string,
): T {
  if (doc === undefined || doc === null) throw notFound(what, id);
  res.setHeader('ETag', etagOf(doc.revision));
  return doc;
}
