/** Something that can restart a consumer group from the start of its topics (the Nest transport, a side consumer). */
export interface GroupReplayer {
  consumesGroup(group: string): boolean;
  /** Stops the group, runs `whileStopped`, rewinds it, subscribes again; resolves once caught up. */
  replay(group: string, whileStopped: () => Promise<void>): Promise<{ messages: number }>;
}

/** A consumer a service runs beside its Nest handlers (the Kafka-mode timeline). */
export interface SideConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
  drain(): Promise<void>;
  status(): Promise<{ group: string; topics: string[]; lag: number; delivered: number }>;
  /** Side consumers that feed a bus-fed view restart their group from the start (see GroupReplayer). */
  replayer?: GroupReplayer;
}
