import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { topicOf, type EventEnvelope } from '@aftersales/contracts';
import { COMPENSATION_GROUP, DISPUTE_EVENTS_COMPENSATION_REACTS_TO, ORDER_EVENTS_COMPENSATION_REACTS_TO, REFUND_EVENTS_COMPENSATION_REACTS_TO, REVIEW_EVENTS_COMPENSATION_REACTS_TO, type CompensationService } from '../application';
import { COMPENSATION_SERVICE_TOKEN } from './compensation.tokens';

/**
 * Group `compensation`. Order topic: a missed ship-by decides the late-shipment compensation (one per order: id
 * cmp_late_<orderId>, key consumer:compensation:<eventId>). Refund topic: decided/approved compensations are paid
 * out (payout id per compensation), and a confirmed payout is recorded as CompensationPaidOut. Dispute topic: an
 * accepted compensation remedy or a ruling's compensation is decided, naming the case. Review topic: a goodwill credit
 * granted in a bad-review follow-up is decided, naming the follow-up.
 */
@Controller()
export class CompensationReactionsController {
  constructor(@Inject(COMPENSATION_SERVICE_TOKEN) private readonly compensations: CompensationService) {}

  @EventPattern(topicOf('order'), { group: COMPENSATION_GROUP, eventTypes: ORDER_EVENTS_COMPENSATION_REACTS_TO })
  async onOrderEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.compensations.onOrderEvent(event);
  }

  @EventPattern(topicOf('refund'), { group: COMPENSATION_GROUP, eventTypes: REFUND_EVENTS_COMPENSATION_REACTS_TO })
  async onRefundEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.compensations.onRefundEvent(event);
  }

  @EventPattern(topicOf('dispute'), { group: COMPENSATION_GROUP, eventTypes: DISPUTE_EVENTS_COMPENSATION_REACTS_TO })
  async onDisputeEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.compensations.onDisputeEvent(event);
  }

  @EventPattern(topicOf('review'), { group: COMPENSATION_GROUP, eventTypes: REVIEW_EVENTS_COMPENSATION_REACTS_TO })
  async onReviewEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.compensations.onReviewEvent(event);
  }
}
