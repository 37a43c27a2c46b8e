import type { ServiceName } from '@aftersales/contracts';
import { compensationWork } from './compensation-work';
import { disputeWork } from './dispute-work';
import { refundWork } from './refund-work';
import { reviewFollowUpWork } from './review-follow-up-work';
import type { SubjectState, WorkSource } from './work-source';

/** Everything that puts items on the work queue. */
export const WORK_SOURCES: readonly WorkSource[] = [refundWork, compensationWork, disputeWork, reviewFollowUpWork] as unknown as WorkSource<SubjectState>[];

const byEventType = new Map(WORK_SOURCES.flatMap((source) => source.eventTypes.map((type) => [type, source] as const)));

/** The source an event type feeds; undefined for the types no source reads. */
export const workSourceOf = (eventType: string): WorkSource | undefined => byEventType.get(eventType);

export const WORK_QUEUE_EVENT_TYPES: readonly string[] = [...byEventType.keys()];

/** The services whose events feed the queue. */
export const WORK_QUEUE_SERVICES: readonly ServiceName[] = [...new Set(WORK_SOURCES.map((source) => source.service))];
