/** One event on an order's timeline: what happened, in which service, who did it and what caused it. */
export interface TimelineEntry {
  position: number;
  eventId: string;
  type: string;
  service: string;
  streamId: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string };
  correlationId: string;
  causationId: string | null;
}

/** Everything that happened to one order, in order (the `timelines` document). */
export interface TimelineDocument {
  id: string;
  orderId: string;
  entries: TimelineEntry[];
  [field: string]: unknown;
}
