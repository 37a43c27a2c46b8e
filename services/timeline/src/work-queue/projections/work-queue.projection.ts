import type { Projection } from '@aftersales/kernel';
import { WORK_QUEUE_EVENT_TYPES } from '../domain/work-sources';
import { applyWorkEvent } from './apply-work-event';
import { SLA_BREACHES_COLLECTION, WORK_QUEUE_COLLECTION, WORK_SUBJECTS_COLLECTION } from './work-queue.document';

const handled = new Set(WORK_QUEUE_EVENT_TYPES);

/** The work queue over the shared log (embedded bus): deterministic, so a rebuild reaches the live documents. */
export const workQueueProjection: Projection = {
  name: 'work-queue',
  collections: [WORK_QUEUE_COLLECTION, WORK_SUBJECTS_COLLECTION, SLA_BREACHES_COLLECTION],
  handles: (eventType) => handled.has(eventType),
  reads: 'payload',
  apply: (event, uow) => applyWorkEvent({ type: event.type, data: event.data as Record<string, unknown> }, uow),
};
