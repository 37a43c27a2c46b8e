import type { ServiceName } from '@aftersales/contracts';
import type { WorkItem } from './work-item';

/** The part of an event a work source reads (stored or delivered over the bus alike). */
export interface WorkEvent {
  type: string;
  data: Record<string, unknown>;
}

/** What a source remembers of one subject (a refund, a compensation, a case) between its events. */
export interface SubjectState {
  /** `<source>:<subject id>`: the document id of the subject. */
  id: string;
  [field: string]: unknown;
}

/**
 * One kind of thing that puts items on the work queue. Pure: the subject an event is about, how the event changes what
 * is remembered of it, and the open items it stands for now. Adding a kind (review follow-ups, issue 13) is one more
 * source in WORK_SOURCES.
 */
export interface WorkSource<S extends SubjectState = SubjectState> {
  name: string;
  /** The service whose topic carries the events (Kafka mode subscribes to those topics). */
  service: ServiceName;
  eventTypes: readonly string[];
  /** The subject's id (unique across sources, see subjectId), or undefined when the event is none of its business. */
  subjectOf(event: WorkEvent): string | undefined;
  /** The subject after the event; undefined when nothing is to be remembered (never was, or is over). */
  evolve(state: S | undefined, event: WorkEvent): S | undefined;
  /** The subject's open items (none once it no longer waits on the shop). */
  itemsOf(state: S): WorkItem[];
}

export const subjectId = (source: string, id: string): string => `${source}:${id}`;

/** A field of event data as a string (the contracts guarantee the type; a missing field is undefined). */
export const text = (data: Record<string, unknown>, field: string): string | undefined => {
  const value = data[field];
  return typeof value === 'string' ? value : undefined;
};
