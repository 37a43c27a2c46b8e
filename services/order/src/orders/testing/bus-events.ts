import type { EventEnvelope } from '@aftersales/contracts';

/** Another service's event as the bus delivers it to group `order`; `metadata` overrides what a test cares about. */
export const busEvent = (type: string, data: Record<string, unknown>, metadata: Partial<EventEnvelope> = {}): EventEnvelope => ({
  eventId: `evt-${type}`,
  type,
  schemaVersion: 1,
  streamId: 'stream-1',
  revision: 0,
  position: 1,
  occurredAt: '2026-11-03T08:00:00.000Z',
  recordedAt: '2026-11-03T08:00:00.000Z',
  correlationId: 'corr-1',
  causationId: null,
  actor: { id: 'agent-7', role: 'agent' },
  data,
  ...metadata,
});
