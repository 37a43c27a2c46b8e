import type { Actor, TraceContext } from '@aftersales/contracts';
import type { RecordedEvent } from '@aftersales/kernel';

/** The columns of a payload read, in this order (see PayloadValues). */
export const PAYLOAD_COLUMNS = 'position, stream_id, revision, type, schema_version, data';

export type PayloadValues = [position: number, streamId: string, revision: number, type: string, schemaVersion: number, data: string];

function metadataLeftOut(field: string): never {
  throw new Error(`event.${field} was not read: the projection declares reads: 'payload', so a rebuild reads events without their metadata`);
}

/**
 * An event read without its metadata (EventStore.readAllPayloads). Its metadata getters throw rather than answer
 * undefined, so a projection that declared `reads: 'payload'` but uses metadata fails its first rebuild. The getters sit
 * on the prototype: JSON.stringify and object spreads see the payload fields only.
 */
class PayloadEvent implements RecordedEvent {
  constructor(
    readonly position: number,
    readonly streamId: string,
    readonly revision: number,
    readonly type: string,
    readonly schemaVersion: number,
    readonly data: unknown,
  ) {}

  get eventId(): string {
    return metadataLeftOut('eventId');
  }
  get occurredAt(): string {
    return metadataLeftOut('occurredAt');
  }
  get recordedAt(): string {
    return metadataLeftOut('recordedAt');
  }
  get correlationId(): string {
    return metadataLeftOut('correlationId');
  }
  get causationId(): string | null {
    return metadataLeftOut('causationId');
  }
  get actor(): Actor {
    return metadataLeftOut('actor');
  }
  get trace(): TraceContext | undefined {
    return metadataLeftOut('trace');
  }
}

/** `parse` false: an event the reader does not need, whose data stays undefined. */
export const toPayloadEvent = (row: PayloadValues, parse = true): RecordedEvent =>
  new PayloadEvent(row[0], row[1], row[2], row[3], row[4], parse ? (JSON.parse(row[5]) as unknown) : undefined);
