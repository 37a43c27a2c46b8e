import type { BusMessage, OutgoingMessage } from '@aftersales/kernel';

/** After `afterAttempts` failed attempts a message goes to its dead-letter topic and the partition moves on. */
export interface DeadLetterPolicy {
  afterAttempts: number;
  /** Dead-letter topic of a topic. Default `<topic>.dlq`. */
  topicOf?: (topic: string) => string;
}

export const defaultDeadLetterTopic = (topic: string): string => `${topic}.dlq`;

/** Headers a dead letter carries besides the original ones: where it came from and why it failed. */
export const DeadLetterHeader = {
  group: 'dlq-group',
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  attempts: 'dlq-attempts',
  error: 'dlq-error',
  failedAt: 'dlq-failed-at',
} as const;

/** The dead letter of a message: same key (so it stays with its order) and value, the failure in headers. */
export function deadLetterOf(message: BusMessage, groupId: string, attempts: number, error: unknown, at: Date): OutgoingMessage {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DeadLetterHeader.group]: groupId,
      [DeadLetterHeader.topic]: message.topic,
      [DeadLetterHeader.partition]: String(message.partition),
      [DeadLetterHeader.offset]: String(message.offset),
      [DeadLetterHeader.attempts]: String(attempts),
      [DeadLetterHeader.error]: errorText(error),
      [DeadLetterHeader.failedAt]: at.toISOString(),
    },
  };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
