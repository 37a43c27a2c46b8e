import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { topicOf, type EventEnvelope } from '@aftersales/contracts';
import { FOLLOW_UPS_CONSUMER_GROUP, REFUND_EVENTS_FOLLOW_UPS_REACT_TO, REVIEW_EVENTS_FOLLOW_UPS_REACT_TO, type FollowUpService } from '../application';
import { FOLLOW_UP_SERVICE_TOKEN } from './follow-ups.tokens';

/**
 * The follow-ups' bus consumer, group `review-follow-ups`: on the review topic, published neutral/negative reviews open
 * follow-ups and upward revisions close them; on the refund topic, a granted partial refund is recorded refused or paid.
 * Idempotent: one stream per review, key consumer:review-follow-ups:<eventId>.
 */
@Controller()
export class FollowUpReactionsController {
  constructor(@Inject(FOLLOW_UP_SERVICE_TOKEN) private readonly followUps: FollowUpService) {}

  @EventPattern(topicOf('review'), { group: FOLLOW_UPS_CONSUMER_GROUP, eventTypes: REVIEW_EVENTS_FOLLOW_UPS_REACT_TO })
  async onReviewEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.followUps.onReviewEvent(event);
  }

  @EventPattern(topicOf('refund'), { group: FOLLOW_UPS_CONSUMER_GROUP, eventTypes: REFUND_EVENTS_FOLLOW_UPS_REACT_TO })
  async onRefundEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.followUps.onRefundEvent(event);
  }
}
