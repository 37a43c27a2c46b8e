import { createHash } from 'node:crypto';
import type { EventDefinition, ServiceName } from '../define-event';
import type { EventEnvelope } from '../envelope';

/** The aggregate whose stream records a service's events, and the data field holding its id. */
const streamOfService: Record<ServiceName, { prefix: string; idField: string }> = {
  order: { prefix: 'order', idField: 'orderId' },
  logistics: { prefix: 'shipment', idField: 'shipmentId' },
  refund: { prefix: 'refund', idField: 'refundId' },
  dispute: { prefix: 'dispute', idField: 'disputeId' },
  review: { prefix: 'review', idField: 'reviewId' },
};

/** Hex digits derived from a label: stable ids for generated examples. */
const digest = (label: string): string => createHash('sha256').update(label).digest('hex');

const uuidFrom = (label: string): string => {
  const hex = digest(label);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** The example of an event definition as a whole envelope, as it travels on the bus. Deterministic. */
export function exampleEnvelopeOf(def: EventDefinition): EventEnvelope {
  const data = def.example as Record<string, unknown>;
  const { prefix, idField } = streamOfService[def.service];
  const aggregateId = typeof data[idField] === 'string' ? (data[idField] as string) : (data.orderId as string);
  const label = `${def.type}.v${def.version}`;
  return {
    eventId: uuidFrom(label),
    type: def.type,
    schemaVersion: def.version,
    streamId: `${typeof data[idField] === 'string' ? prefix : 'order'}-${aggregateId}`,
    revision: 0,
    position: 1,
    occurredAt: '2026-11-05T08:00:00.000Z',
    recordedAt: '2026-11-05T08:00:00.012Z',
    correlationId: uuidFrom(`correlation:${label}`),
    causationId: uuidFrom(`causation:${label}`),
    actor: { id: `${def.service}-service`, role: 'system' },
    trace: { traceparent: `00-${digest(`trace:${label}`).slice(0, 32)}-${digest(`span:${label}`).slice(0, 16)}-01` },
    data: def.example,
  };
}
