import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { topicOf, type EventEnvelope } from '@aftersales/contracts';
import { REVIEW_CONSUMER_GROUP, type ReviewsService } from '../application';
import { REVIEW_ORDER_FACT_EVENT_TYPES } from '../projections';
import { REVIEWS_SERVICE_TOKEN } from './reviews.tokens';

/** The reviews' bus consumer, group `review`: order facts (order topic), idempotent by the processed event ids. */
@Controller()
export class ReviewReactionsController {
  constructor(@Inject(REVIEWS_SERVICE_TOKEN) private readonly reviews: ReviewsService) {}

  @EventPattern(topicOf('order'), { group: REVIEW_CONSUMER_GROUP, eventTypes: REVIEW_ORDER_FACT_EVENT_TYPES })
  async onOrderEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.reviews.onOrderEvent(event);
  }
}
