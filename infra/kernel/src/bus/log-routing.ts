import type { RecordedEvent } from '../ports/event-store';
import type { OutgoingMessage } from '../ports/message-bus';

/** How the log bus sees an event: its topic, and the message a consumer gets. */
export interface LogRouting {
  topicOf(event: RecordedEvent): string;
  messageOf(event: RecordedEvent): OutgoingMessage;
}
