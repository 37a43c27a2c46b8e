import type { EventStore } from '@aftersales/kernel';
import { inMemoryTestPlatform, type LogFollower } from '@aftersales/kernel/testing';

/** A bus reaction under test: gets every event of the log once, in order, as a consumer group would. */
export type Reaction = LogFollower;

/**
 * The kernel's in-memory test platform for the refund package's payouts and compensation:
 * `attach(runtimes, reactions, drainables)` wires projections, timers, reactions and background work (the payout
 * service's attempts); settle() runs and waits for them until the log stops growing; `advance` moves time through due
 * timers. `eventStore`, when given, replaces the in-memory store (to inject faults).
 */
export function testPlatform(start = new Date('2026-11-02T08:00:00.000Z'), eventStore?: EventStore) {
  const env = inMemoryTestPlatform({ start, eventStore: eventStore && (() => eventStore) });
  return { ...env, store: env.eventStore, streamTypes: env.typesOf };
}
