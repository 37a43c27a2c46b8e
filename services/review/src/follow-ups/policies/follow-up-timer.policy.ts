import type { RecordedEvent, Timer, TimerInstruction, TimerPolicy } from '@aftersales/kernel';
import type { FollowUpMetric } from '@aftersales/contracts';
import { FOLLOW_UP_SERVICE } from './follow-up-service-name';

/** Deterministic timer ids: one per deadline of a follow-up, so re-deriving them is idempotent. */
export const followUpTimerId = (followUpId: string, metric: FollowUpMetric): string => `review-follow-up-${followUpId}:${metric}`;

/**
 * The follow-up's two deadlines become durable timers when it opens; the first contact cancels the first-contact
 * timer, the closing both (a timer that fires anyway finds nothing to breach).
 */
export const followUpTimerPolicy: TimerPolicy = (recorded: RecordedEvent): TimerInstruction | undefined => {
  const data = recorded.data as { followUpId: string; deadlines?: { firstContactBy: string; resolveBy: string } };
  const timer = (metric: FollowUpMetric, dueAt: string): Timer => ({
    timerId: followUpTimerId(data.followUpId, metric),
    service: FOLLOW_UP_SERVICE,
    dueAt,
    command: { type: 'CheckFollowUpDeadline', followUpId: data.followUpId, metric },
    scheduledBy: { eventId: recorded.eventId, correlationId: recorded.correlationId },
  });
  switch (recorded.type) {
    case 'ReviewFollowUpOpened':
      if (!data.deadlines) return undefined;
      return { schedule: [timer('first_contact', data.deadlines.firstContactBy), timer('resolution', data.deadlines.resolveBy)] };
    case 'ReviewFollowUpBuyerContacted':
      return { cancel: [followUpTimerId(data.followUpId, 'first_contact')] };
    case 'ReviewFollowUpClosed':
      return { cancel: [followUpTimerId(data.followUpId, 'first_contact'), followUpTimerId(data.followUpId, 'resolution')] };
    default:
      return undefined;
  }
};
