import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { topicOf, type EventEnvelope } from '@aftersales/contracts';
import { FOLLOW_UPS_CONSUMER_GROUP, REVIEW_EVENTS_FOLLOW_UPS_REACT_TO, type FollowUpService } from '../application';
import { FOLLOW_UP_SERVICE_TOKEN } from './follow-ups.tokens';

/**
 * The follow-ups' bus consumer, group `review-follow-ups` on the review topic: published neutral/negative reviews open
 * follow-ups, upward revisions close them. Idempotent: one stream per review, key consumer:review-follow-ups:<eventId>.
 */
@Controller()
export class FollowUpReactionsController {
  constructor(@Inject(FOLLOW_UP_SERVICE_TOKEN) private readonly followUps: FollowUpService) {}

  @EventPattern(topicOf('review'), { group: FOLLOW_UPS_CONSUMER_GROUP, eventTypes: REVIEW_EVENTS_FOLLOW_UPS_REACT_TO })
  async onReviewEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.followUps.onReviewEvent(event);
  }
}
