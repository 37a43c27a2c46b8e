import type { RecordedEvent } from '../ports/event-store';
import type { OutgoingMessage } from '../ports/message-bus';

/** How the log bus sees an event: its topic, and the message a consumer gets. */
export interface LogRouting {
  topicOf(event: RecordedEvent): string;
  messageOf(event: RecordedEvent): OutgoingMessage;
  /**
   * What `JSON.parse(messageOf(event).value)` gives, where a routing can say it without the text (the contract routing:
   * the event's own JSON). The bus decodes it once per event, deep-frozen, for every group.
   */
  envelopeOf?(event: RecordedEvent): unknown;
}
