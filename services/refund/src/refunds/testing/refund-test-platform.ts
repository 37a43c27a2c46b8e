import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, type EventStore, type RecordedEvent } from '@aftersales/kernel';
import { inMemoryTestPlatform } from '@aftersales/kernel/testing';

const DAY_MS = 86_400_000;

/**
 * The refund service on the kernel's in-memory test platform, in days, and with a way to put other services' events
 * into the log. `wrapStore` wraps the in-memory event store (to inject faults).
 */
export function refundTestPlatform(start = '2026-11-02T08:00:00.000Z', wrapStore?: (store: EventStore) => EventStore) {
  const env = inMemoryTestPlatform({ start, eventStore: wrapStore && ((clock) => wrapStore(new InMemoryEventStore(clock))) });
  return {
    ...env,
    advanceDays: (days: number) => env.advance(days * DAY_MS),
    /** Appends an event of another service (the order topic, logistics) as its service would. */
    async record(streamId: string, type: string, data: Record<string, unknown>): Promise<RecordedEvent> {
      const metadata = {
        occurredAt: env.clock.now().toISOString(),
        correlationId: randomUUID(),
        causationId: null,
        actor: { id: 'tester', role: 'agent' as const },
      };
      const result = await env.eventStore.append(streamId, [{ eventId: randomUUID(), type, schemaVersion: 1, data, metadata }], 'any');
      return result.events[0];
    },
  };
}

export type RefundTestPlatform = ReturnType<typeof refundTestPlatform>;
