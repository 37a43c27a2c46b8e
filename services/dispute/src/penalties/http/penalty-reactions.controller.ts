import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { topicOf, type EventEnvelope } from '@aftersales/contracts';
import { PENALTIES_GROUP, type PenaltiesService } from '../application';
import { DISPUTE_EVENTS_PENALTIES_REACT_TO, REFUND_EVENTS_PENALTIES_REACT_TO } from '../policies';
import { PENALTIES_SERVICE_TOKEN } from './penalties.tokens';

/**
 * Group `penalties`. Dispute topic: a ruling that found a violation assesses its points; a ruling on appeal revokes
 * those of a finding it reverses (key consumer:penalties:<eventId>:revoke-<year>). Refund topic: a late
 * shipment's compensation records the violation at 0 points. Key consumer:penalties:<eventId>; one assessment per
 * order and violation type.
 */
@Controller()
export class PenaltyReactionsController {
  constructor(@Inject(PENALTIES_SERVICE_TOKEN) private readonly penalties: PenaltiesService) {}

  @EventPattern(topicOf('dispute'), { group: PENALTIES_GROUP, eventTypes: DISPUTE_EVENTS_PENALTIES_REACT_TO })
  async onDisputeEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.penalties.onDisputeEvent(event);
  }

  @EventPattern(topicOf('refund'), { group: PENALTIES_GROUP, eventTypes: REFUND_EVENTS_PENALTIES_REACT_TO })
  async onRefundEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.penalties.onRefundEvent(event);
  }
}
