import type { RecordedEvent } from '../ports/event-store';
import type { OutgoingMessage } from '../ports/message-bus';
import { telemetry, type TelemetrySpan } from '../telemetry/telemetry';
import { BusHeader } from './bus-headers';

/**
 * A producer span per traced event (messaging semantic conventions), a child of the context the event was appended
 * in; the message's trace headers then name this span, so the consumer's span follows the hop. The envelope keeps the
 * context of the command that appended it. An event appended without a trace gets no span.
 */
export function startSendSpan(topic: string, event: RecordedEvent, message: OutgoingMessage, system: string): TelemetrySpan | undefined {
  if (!event.trace) return undefined;
  const span = telemetry().startSpan(`send ${topic}`, {
    kind: 'producer',
    parent: event.trace,
    forceParent: true,
    attributes: {
      'messaging.system': system,
      'messaging.operation.type': 'send',
      'messaging.operation.name': 'send',
      'messaging.destination.name': topic,
      'messaging.message.id': event.eventId,
      'messaging.kafka.message.key': message.key,
      'aftersales.event.type': event.type,
      'aftersales.event.position': event.position,
    },
  });
  const { traceparent, tracestate } = span.trace();
  message.headers[BusHeader.traceparent] = traceparent;
  if (tracestate !== undefined) message.headers[BusHeader.tracestate] = tracestate;
  return span;
}

/** Ends the producer spans of one publish, failed if it threw. */
export function endSendSpans(spans: readonly (TelemetrySpan | undefined)[], error?: unknown): void {
  for (const span of spans) {
    if (!span) continue;
    if (error !== undefined) span.fail(error);
    span.end();
  }
}
