import type { RecordedEvent } from '@aftersales/kernel';

let position = 0;

/** Wraps `{ type, data }` in an envelope as the store would, with the given stream and revision. */
export function recorded(streamId: string, revision: number, event: { type: string; data: unknown }): RecordedEvent {
  position += 1;
  return {
    eventId: `evt-${streamId}-${revision}`,
    type: event.type,
    schemaVersion: 1,
    streamId,
    revision,
    position,
    occurredAt: '2026-11-02T09:00:00.000Z',
    recordedAt: '2026-11-02T09:00:00.000Z',
    correlationId: `corr-${streamId}`,
    causationId: null,
    actor: { id: 'tester', role: 'agent' },
    data: event.data,
  };
}

/** The envelopes of a stream's events, revisions 0… in order. */
export const recordedStream = (streamId: string, events: { type: string; data: unknown }[]): RecordedEvent[] =>
  events.map((event, revision) => recorded(streamId, revision, event));
