import { hash } from 'node:crypto';
import type { ChainReport, RecordedEvent } from '../ports/event-store';

/** The link before the first event of a log. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * An event's fields in the order they are hashed: position, event id, stream, revision, type, schema version, the data
 * as stored (JSON text), occurred at, correlation, causation, actor id and role, trace parent and state, recorded at.
 * A store that keeps events as those columns hashes exactly what it stores.
 */
export type ChainedFields = readonly [
  position: number,
  eventId: string,
  streamId: string,
  revision: number,
  type: string,
  schemaVersion: number,
  data: string,
  occurredAt: string,
  correlationId: string,
  causationId: string | null,
  actorId: string,
  actorRole: string,
  traceparent: string | null,
  tracestate: string | null,
  recordedAt: string,
];

/**
 * The hash of an event chained to the one before it: sha256 over the previous hash and the event's canonical fields
 * (a JSON array, so no field can bleed into the next). Editing, removing or reordering a stored event changes every
 * hash from there on.
 */
export function chainHash(previous: string, fields: ChainedFields): string {
  // One-shot (no Hash object per event, which the garbage collector must finalise): the same bytes as
  // createHash().update(previous).update('\n').update(json), a third less CPU per event on the append path.
  return hash('sha256', `${previous}\n${JSON.stringify(fields)}`, 'hex');
}

/** The chained fields of an event as a store that keeps objects holds it (its data serialised as JSON). */
export const chainedFieldsOf = (event: RecordedEvent): ChainedFields => [
  event.position,
  event.eventId,
  event.streamId,
  event.revision,
  event.type,
  event.schemaVersion,
  JSON.stringify(event.data),
  event.occurredAt,
  event.correlationId,
  event.causationId,
  event.actor.id,
  event.actor.role,
  event.trace?.traceparent ?? null,
  event.trace?.tracestate ?? null,
  event.recordedAt,
];

/** Walks a log in position order, recomputing each link: the first event whose stored hash or position is off breaks it. */
export class ChainVerifier {
  private previous = GENESIS_HASH;
  private checked = 0;
  private broken: number | undefined;

  /** Returns false once the chain is broken (the caller may stop reading). */
  check(fields: ChainedFields, storedHash: string | null): boolean {
    if (this.broken !== undefined) return false;
    const expected = chainHash(this.previous, fields);
    this.checked++;
    if (storedHash !== expected || fields[0] !== this.checked) {
      this.broken = fields[0];
      return false;
    }
    this.previous = expected;
    return true;
  }

  report(): ChainReport {
    return this.broken === undefined ? { checked: this.checked } : { checked: this.checked, firstBrokenPosition: this.broken };
  }
}
