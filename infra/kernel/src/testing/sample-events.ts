import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../ports/event-store';

/** A new event with realistic metadata; `data` always carries the partition key `orderId`. */
export const sampleEvent = (type = 'OrderPlaced', data: Record<string, unknown> = {}, overrides: Partial<NewEvent> = {}): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data: { orderId: 'o-1', ...data },
  metadata: {
    occurredAt: '2025-03-01T09:59:00.000Z',
    correlationId: 'corr-1',
    causationId: null,
    actor: { id: 'buyer-1', role: 'buyer' },
  },
  ...overrides,
});

export const sampleEvents = (count: number, type = 'OrderNoted'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => sampleEvent(type, { index }));
