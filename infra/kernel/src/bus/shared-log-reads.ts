import type { EventStore, RecordedEvent } from '../ports/event-store';
import type { OutgoingMessage } from '../ports/message-bus';
import type { LogRouting } from './log-routing';

/**
 * The log as the groups of one log bus read it: groups woken by the same append read from the same position, so a
 * read from a position already read recently is answered from memory (the log is append-only: what was after a
 * position stays after it), and each event's message is built once for every group.
 */
export class SharedLogReads {
  private readonly recent = new Map<number, RecordedEvent[]>();
  private readonly messages = new WeakMap<RecordedEvent, OutgoingMessage>();

  constructor(
    private readonly log: EventStore,
    private readonly routing: LogRouting,
    private readonly remembered = 32,
  ) {}

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    const known = this.recent.get(afterPosition);
    if (known && (known.length >= limit || known[known.length - 1].position >= (await this.log.headPosition()))) return known.slice(0, limit);
    const events = await this.log.readAll(afterPosition, limit);
    if (events.length > (known?.length ?? 0)) {
      this.recent.delete(afterPosition);
      this.recent.set(afterPosition, events);
      if (this.recent.size > this.remembered) this.recent.delete(this.recent.keys().next().value!);
    }
    return events;
  }

  messageOf(event: RecordedEvent): OutgoingMessage {
    let message = this.messages.get(event);
    if (!message) this.messages.set(event, (message = this.routing.messageOf(event)));
    return message;
  }
}
