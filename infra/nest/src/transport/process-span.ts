import type { TraceContext } from '@aftersales/contracts';
import { BusHeader, type BusMessage, type SpanOptions } from '@aftersales/kernel';

/**
 * The consumer span of one delivery (messaging semantic conventions): a child of the producer span named by the
 * message's trace headers (else of the envelope's context), linked to the envelope's context, the command that
 * appended the event.
 */
export function processSpanOptions(system: string, group: string, message: BusMessage, payload: unknown): SpanOptions {
  const fromHeaders = traceOfHeaders(message.headers);
  const fromEnvelope = traceOfEnvelope(payload);
  const parent = fromHeaders ?? fromEnvelope;
  return {
    kind: 'consumer',
    ...(parent ? { parent, forceParent: true } : {}),
    ...(fromHeaders && fromEnvelope && fromEnvelope.traceparent !== fromHeaders.traceparent ? { links: [fromEnvelope] } : {}),
    attributes: {
      'messaging.system': system,
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.destination.name': message.topic,
      'messaging.destination.partition.id': String(message.partition),
      'messaging.kafka.offset': message.offset,
      'messaging.consumer.group.name': group,
      'messaging.message.id': message.headers[BusHeader.eventId],
      'aftersales.event.type': message.headers[BusHeader.eventType],
    },
  };
}

function traceOfHeaders(headers: Record<string, string>): TraceContext | undefined {
  const traceparent = headers[BusHeader.traceparent];
  if (!traceparent) return undefined;
  const tracestate = headers[BusHeader.tracestate];
  return tracestate ? { traceparent, tracestate } : { traceparent };
}

function traceOfEnvelope(payload: unknown): TraceContext | undefined {
  const trace = (payload as { trace?: { traceparent?: unknown; tracestate?: unknown } } | null)?.trace;
  if (typeof trace?.traceparent !== 'string') return undefined;
  return typeof trace.tracestate === 'string' ? { traceparent: trace.traceparent, tracestate: trace.tracestate } : { traceparent: trace.traceparent };
}
