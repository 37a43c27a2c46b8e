import { toDomainEvent, type Projection } from '@aftersales/kernel';
import { evolveFollowUp, type ReviewFollowUpEvent } from '../domain';
import {
  FOLLOW_UP_QUEUE_COLLECTION,
  FOLLOW_UPS_COLLECTION,
  followUpOfDocument,
  queueKeyOf,
  queueRowOf,
  type FollowUpDocument,
} from './follow-up.document';

const STREAM_PREFIX = 'review-follow-up-';
export const FOLLOW_UP_EVENT_TYPES: ReadonlySet<string> = new Set([
  'ReviewFollowUpOpened',
  'ReviewFollowUpSlaBreached',
  'ReviewFollowUpBuyerContacted',
  'ReviewFollowUpRemedyProposed',
  'ReviewFollowUpRemedyApproved',
  'ReviewFollowUpRemedyRejected',
  'ReviewFollowUpRemedyGranted',
  'ReviewFollowUpRemedyRefused',
  'ReviewFollowUpRemedyPaid',
  'ReviewFollowUpClosed',
]);

/**
 * `review_follow_ups` (each follow-up as the decider folds it, so reads match command responses) and the
 * `review_follow_up_queue` ordering them by their next deadline. A pure fold of the follow-up streams: rebuildable.
 */
export const followUpsProjection: Projection = {
  name: 'review_follow_ups',
  collections: [FOLLOW_UPS_COLLECTION, FOLLOW_UP_QUEUE_COLLECTION],
  handles: (eventType) => FOLLOW_UP_EVENT_TYPES.has(eventType),
  reads: 'payload',
  async apply(event, uow) {
    const followUpId = (event.data as { followUpId: string }).followUpId;
    if (event.streamId !== `${STREAM_PREFIX}${followUpId}`) return;
    if (event.type === 'ReviewFollowUpOpened' && event.schemaVersion < 2) return; // v1 was never written by this service
    const current = await uow.get<FollowUpDocument>(FOLLOW_UPS_COLLECTION, followUpId);
    if (current && current.revision >= event.revision) return;
    const next = evolveFollowUp(current ? followUpOfDocument(current) : null, toDomainEvent(event) as ReviewFollowUpEvent);
    if (!next) return;
    uow.put(FOLLOW_UPS_COLLECTION, { ...next, revision: event.revision });
    if (current && queueKeyOf(followUpOfDocument(current)) !== queueKeyOf(next)) uow.delete(FOLLOW_UP_QUEUE_COLLECTION, queueKeyOf(followUpOfDocument(current)));
    uow.put(FOLLOW_UP_QUEUE_COLLECTION, queueRowOf(next));
  },
};
