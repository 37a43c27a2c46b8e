import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { topicOf, type EventEnvelope } from '@aftersales/contracts';
import { DISPUTE_EVENTS_REFUNDS_REACT_TO, REFUND_CONSUMER_GROUP, REFUND_EVENTS_REFUNDS_REACT_TO, REVIEW_EVENTS_REFUNDS_REACT_TO, type Refunds } from '../application';
import { ORDER_FACT_EVENT_TYPES } from '../projections/order-facts.projection';
import { REFUNDS_TOKEN } from './refunds.tokens';

/**
 * The refund requests' bus consumers, group `refund`: order facts and payments (order topic), reissue parcels
 * (logistics topic), the effects of refund events on payouts and the allowance (refund topic), and the money of
 * accepted remedies and rulings (dispute topic), the partial refunds granted in bad-review follow-ups (review topic).
 * Idempotent: every effect runs under the command key consumer:refund:<eventId>[:<effect>].
 */
@Controller()
export class RefundReactionsController {
  constructor(@Inject(REFUNDS_TOKEN) private readonly refunds: Refunds) {}

  @EventPattern(topicOf('order'), { group: REFUND_CONSUMER_GROUP, eventTypes: ORDER_FACT_EVENT_TYPES })
  async onOrderEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.refunds.onOrderEvent(event);
  }

  @EventPattern(topicOf('logistics'), { group: REFUND_CONSUMER_GROUP })
  async onLogisticsEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.refunds.onLogisticsEvent(event);
  }

  @EventPattern(topicOf('refund'), { group: REFUND_CONSUMER_GROUP, eventTypes: REFUND_EVENTS_REFUNDS_REACT_TO })
  async onRefundEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.refunds.onRefundEvent(event);
  }

  @EventPattern(topicOf('dispute'), { group: REFUND_CONSUMER_GROUP, eventTypes: DISPUTE_EVENTS_REFUNDS_REACT_TO })
  async onDisputeEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.refunds.onDisputeEvent(event);
  }

  @EventPattern(topicOf('review'), { group: REFUND_CONSUMER_GROUP, eventTypes: REVIEW_EVENTS_REFUNDS_REACT_TO })
  async onReviewEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.refunds.onReviewEvent(event);
  }
}
