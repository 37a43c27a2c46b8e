import type { EventStore, RecordedEvent } from '../ports/event-store';
import type { OutgoingMessage } from '../ports/message-bus';
import type { LogRouting } from './log-routing';
import { sharedTailOf } from '../privacy/protected-event-store';

/**
 * The log as the groups of one log bus read it: one window of the newest events for every group and lane (see
 * SharedTailReads), and each event's message and decoded envelope built once for every group.
 */
export class SharedLogReads {
  private readonly tail: EventStore;
  private readonly messages = new WeakMap<RecordedEvent, OutgoingMessage>();
  private readonly envelopes = new WeakMap<RecordedEvent, unknown>();

  constructor(
    log: EventStore,
    private readonly routing: LogRouting,
  ) {
    this.tail = sharedTailOf(log);
  }

  readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    return this.tail.readAll(afterPosition, limit);
  }

  messageOf(event: RecordedEvent): OutgoingMessage {
    let message = this.messages.get(event);
    if (!message) this.messages.set(event, (message = this.routing.messageOf(event)));
    return message;
  }

  /** The event's envelope decoded once for every group (see LogRouting.envelopeOf); undefined when the routing has none. */
  envelopeOf(event: RecordedEvent): (() => unknown) | undefined {
    const routing = this.routing;
    if (!routing.envelopeOf) return undefined;
    return () => {
      let envelope = this.envelopes.get(event);
      if (envelope === undefined) this.envelopes.set(event, (envelope = routing.envelopeOf!(event)));
      return envelope;
    };
  }
}
