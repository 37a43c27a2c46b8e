import { randomBytes, randomUUID } from 'node:crypto';
import { orderEvents } from '@aftersales/contracts';
import type { EventStore, NewEvent } from '@aftersales/kernel';
import { orderStreamId } from '@aftersales/order';
import type { LifecycleStep } from './order-lifecycles';

const schemaVersions = new Map(orderEvents.map((d) => [d.type, d.version]));

function newEventsOf(step: LifecycleStep): NewEvent[] {
  const occurredAt = new Date(step.at).toISOString();
  const correlationId = randomUUID();
  const trace = { traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01` };
  const actor = { id: step.role === 'agent' ? 'agent-17' : step.role === 'buyer' ? 'buyer-1' : step.role, role: step.role };
  return step.events.map((event) => ({
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: schemaVersions.get(event.type) ?? 1,
    data: event.data,
    metadata: { occurredAt, correlationId, causationId: null, actor, trace },
  }));
}

/** Appends the steps through the store with their exact expected revisions, `chunk` appends per group commit. */
export async function seedLog(store: EventStore, steps: LifecycleStep[], chunk = 4000): Promise<void> {
  const revisions = new Map<string, number>();
  for (let start = 0; start < steps.length; start += chunk) {
    await Promise.all(
      steps.slice(start, start + chunk).map((step) => {
        const current = revisions.get(step.orderId);
        revisions.set(step.orderId, (current ?? -1) + step.events.length);
        return store.append(orderStreamId(step.orderId), newEventsOf(step), current ?? 'no_stream');
      }),
    );
  }
}
