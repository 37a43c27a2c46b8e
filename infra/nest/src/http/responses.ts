import type { CommandResult } from '@aftersales/kernel';
import { notFound } from '@aftersales/kernel';
import type { HttpResponseLike } from './http-types';
import { commandBodyJson, JsonAnswer } from './json-answer';

export const etagOf = (revision: number): string => `"${revision}"`;

export type CommandResponseBody<V> = V & { revision: number; eventIds: string[] };

/**
 * The answer to a command: the resource view plus `revision` and `eventIds`, ETag set. A replayed
 * Idempotency-Key answers with the same status as the first time and says so in `Idempotent-Replayed`.
 * Use with `@Res({ passthrough: true })`. The body is serialized here (see JsonAnswer, commandBodyJson).
 */
export function commandResponse<S, V extends object>(
  res: HttpResponseLike,
  result: CommandResult<S>,
  view: (state: S) => V,
  status = 200,
): JsonAnswer<CommandResponseBody<V>> {
  if (res.statusCode !== status) res.status(status); // Nest has usually set the route's status already
  res.setHeader('ETag', etagOf(result.revision));
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  const shown = view(result.state);
  const { revision, eventIds } = result;
  return new JsonAnswer(commandBodyJson(shown, revision, eventIds, (shown as unknown) === result.state), () => ({
    ...shown,
    revision,
    eventIds,
  }));
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
