import type { LogRouting } from '../bus/log-routing';
import type { EventStore } from '../ports/event-store';
import type { MessageBus, OutgoingMessage } from '../ports/message-bus';
import { sampleEvent } from './sample-events';

const CONTRACT_MESSAGE = 'BusContractMessage';

interface ContractMessageData extends OutgoingMessage {
  topic: string;
}

/** The log bus routing of the contract suite: an event carries its topic and message, so any topic can be tested. */
export const contractMessageRouting: LogRouting = {
  topicOf: (event) => (event.data as ContractMessageData).topic,
  messageOf: (event) => {
    const { key, value, headers } = event.data as ContractMessageData;
    return { key, value, headers };
  },
};

/**
 * A log bus as the MessageBus contract drives it: what the suite publishes is appended to the log (one event per
 * message, routed by contractMessageRouting), the rest goes to the bus. The log bus itself refuses to publish.
 */
export function publishingToTheLog(bus: MessageBus, log: EventStore): MessageBus {
  return {
    publish: async (topic, messages) => {
      const events = messages.map((message) => sampleEvent(CONTRACT_MESSAGE, {}, { data: { topic, key: message.key, value: message.value, headers: message.headers ?? {} } }));
      if (events.length > 0) await log.append(`contract-${topic}`, events, 'any');
    },
    subscribe: (groupId, topics, handler, options) => bus.subscribe(groupId, topics, handler, options),
    rewind: (groupId, topics) => bus.rewind(groupId, topics),
    lag: (groupId, topics) => bus.lag(groupId, topics),
    close: () => bus.close(),
  };
}
