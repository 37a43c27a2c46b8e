import type { TimelineEntry } from './case-file-types';

/** Why an entry links to another: the event that caused it (causationId) or one it records it was based on. */
export type CauseKind = 'causation' | 'basedOn';

export interface CauseLink {
  eventId: string;
  kind: CauseKind;
  /** The cause is on this timeline (the link scrolls to it); otherwise it is an event of no entry shown here. */
  onTimeline: boolean;
}

export interface TimelineItem {
  entry: TimelineEntry;
  /** Links from this effect to its causes: the causing event first, then what it was based on, each id once. */
  causes: CauseLink[];
  /** Ids of the entries this one caused or was a basis of (the other direction of the links). */
  effects: string[];
}

/**
 * The timeline as the case file shows it: each entry with its links to the entries that caused it or that it was
 * based on, and back. An event caused by a command (no causationId) has no cause link.
 */
export function timelineItems(entries: readonly TimelineEntry[]): TimelineItem[] {
  const onTimeline = new Set(entries.map((e) => e.eventId));
  const effects = new Map<string, string[]>();
  const items = entries.map((entry) => {
    const causes: CauseLink[] = [];
    const add = (eventId: string, kind: CauseKind) => {
      if (eventId === entry.eventId || causes.some((c) => c.eventId === eventId)) return;
      causes.push({ eventId, kind, onTimeline: onTimeline.has(eventId) });
      if (onTimeline.has(eventId)) effects.set(eventId, [...(effects.get(eventId) ?? []), entry.eventId]);
    };
    if (entry.causationId) add(entry.causationId, 'causation');
    for (const id of entry.basedOn ?? []) add(id, 'basedOn');
    return { entry, causes, effects: [] as string[] };
  });
  return items.map((item) => ({ ...item, effects: effects.get(item.entry.eventId) ?? [] }));
}

/** "DisputeRemedyProposed" → "Dispute remedy proposed": the words of an event type no translation names. */
export function eventTypeWords(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return words.charAt(0) + words.slice(1).toLowerCase();
}

/** Who acted, as the page says it: a person by id and role, the platform's own timers and consumers as "system". */
export function actorWords(actor: TimelineEntry['actor']): { id: string; role: string; system: boolean } {
  return { id: actor.id, role: actor.role, system: actor.role === 'system' };
}

/** The test id and DOM id of an entry (the target a cause link scrolls to). */
export const timelineEntryTestId = (eventId: string): string => `timeline-entry-${eventId}`;
