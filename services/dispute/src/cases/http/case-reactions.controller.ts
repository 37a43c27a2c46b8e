import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { topicOf, type EventEnvelope } from '@aftersales/contracts';
import { DISPUTE_CONSUMER_GROUP, type CaseService } from '../application';
import { REFUND_EVENTS_DISPUTES_REACT_TO } from '../policies';
import { DISPUTE_ORDER_FACT_EVENT_TYPES } from '../projections';
import { CASE_SERVICE_TOKEN } from './cases.tokens';

/**
 * The cases' bus consumers, group `dispute`: order facts (order topic) and escalated refunds (refund topic).
 * Idempotent: order facts record the processed event ids; a case opens under consumer:dispute:<eventId>.
 */
@Controller()
export class CaseReactionsController {
  constructor(@Inject(CASE_SERVICE_TOKEN) private readonly cases: CaseService) {}

  @EventPattern(topicOf('order'), { group: DISPUTE_CONSUMER_GROUP, eventTypes: DISPUTE_ORDER_FACT_EVENT_TYPES })
  async onOrderEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.cases.onOrderEvent(event);
  }

  @EventPattern(topicOf('refund'), { group: DISPUTE_CONSUMER_GROUP, eventTypes: REFUND_EVENTS_DISPUTES_REACT_TO })
  async onRefundEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.cases.onRefundEvent(event);
  }
}
