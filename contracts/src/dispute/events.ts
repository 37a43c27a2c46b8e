import type { DomainEventOf, EventDefinition } from '../define-event';
import { PROTECTED_FIELDS, sealedVersionOf } from '../protected-fields';
import { disputeArbitrationEvents } from './arbitration-events';
import { disputeCaseEvents } from './case-events';
import { disputeDeadlineEvents } from './deadline-events';
import { disputeEvidenceEvents } from './evidence-events';
import { penaltyEvents } from './penalty-events';
import { disputeResolutionEvents } from './resolution-events';
import { supersededDisputeEvents } from './superseded-events';

export * from './vocabulary';
export * from './case-events';
export * from './deadline-events';
export * from './evidence-events';
export * from './arbitration-events';
export * from './resolution-events';
export * from './superseded-events';
export * from './penalty-events';

/** The versions of case events (stream `dispute-<id>`) the case service writes today. */
const caseDefinitions = [
  ...disputeCaseEvents,
  ...disputeDeadlineEvents,
  ...disputeEvidenceEvents,
  ...disputeArbitrationEvents,
  ...disputeResolutionEvents,
];

/** Versions of the case events carrying text typed on the case, whose fields may be sealed (see PROTECTED_FIELDS). */
export const sealedDisputeEvents: readonly EventDefinition[] = caseDefinitions
  .filter((definition) => PROTECTED_FIELDS[definition.type] !== undefined)
  .map((definition) => sealedVersionOf(definition, PROTECTED_FIELDS[definition.type]));

/** The case event definitions in the version written today (the sealable one where a type has it). */
export const disputeCaseEventDefinitions: readonly EventDefinition[] = caseDefinitions.map(
  (definition) => sealedDisputeEvents.find((sealed) => sealed.type === definition.type) ?? definition,
);

/** The dispute service's catalogue: `XxxEvent` is the definition of event type Xxx, type `Xxx` its data. */
const definitions = [...caseDefinitions, ...penaltyEvents];

/**
 * Every dispute event definition, in catalogue order: the versions written today, then the published versions
 * superseded or retired (`XxxEventV1`), which readers still accept.
 */
export const disputeEvents: EventDefinition[] = [...definitions, ...sealedDisputeEvents, ...supersededDisputeEvents];

/** `{ type, data }` of every case event, in the version written today: what the case decider emits and folds. */
export type DisputeCaseEvent = DomainEventOf<(typeof caseDefinitions)[number]>;
export type DisputeCaseEventType = DisputeCaseEvent['type'];

/** `{ type, data }` of every dispute-service event written today (cases and shop penalty points). */
export type DisputeEvent = DomainEventOf<(typeof definitions)[number]>;
export type DisputeEventType = DisputeEvent['type'];
/** The data of one dispute event type, in the version written today. */
export type DisputeEventData<T extends DisputeEventType> = Extract<DisputeEvent, { type: T }>['data'];
