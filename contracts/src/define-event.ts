import type { Static, TObject } from '@sinclair/typebox';

export const ServiceNames = ['order', 'logistics', 'refund', 'dispute', 'review'] as const;
export type ServiceName = (typeof ServiceNames)[number];

/** Kafka topic of a service's events; the suffix is the topic's major version. */
export const topicOf = (service: ServiceName): string => `aftersales.${service}.events.v1`;

/**
 * One versioned event type. Every event's data carries `orderId`: it is the partition key on every topic,
 * so everything about one order stays in order.
 */
export interface EventDefinition<TType extends string = string, TSchema extends TObject = TObject> {
  readonly type: TType;
  readonly version: number;
  readonly service: ServiceName;
  readonly topic: string;
  readonly description: string;
  readonly schema: TSchema;
  readonly example: Static<TSchema>;
}

export function defineEvent<TType extends string, TSchema extends TObject>(def: {
  type: TType;
  version: number;
  service: ServiceName;
  description: string;
  schema: TSchema;
  example: Static<TSchema>;
}): EventDefinition<TType, TSchema> {
  return { ...def, topic: topicOf(def.service) };
}

/** `{ type, data }` union of a list of definitions: what deciders emit and evolve on. */
export type DomainEventOf<D extends EventDefinition> = D extends EventDefinition<infer T, infer S>
  ? { type: T; data: Static<S> }
  : never;

export const partitionKeyOf = (data: unknown): string => {
  const orderId = (data as { orderId?: unknown } | null)?.orderId;
  if (typeof orderId !== 'string' || orderId.length === 0) throw new Error('event data has no orderId partition key');
  return orderId;
};
