import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { topicOf, type EventEnvelope } from '@aftersales/contracts';
import { CONSUMER_GROUP, type LogisticsService } from '../application';
import { REFUND_EVENTS_LOGISTICS_REACTS_TO } from '../policies';
import { ORDER_EVENT_TYPES } from '../projections';
import { LOGISTICS_SERVICE_TOKEN } from './shipments.tokens';

/**
 * The logistics bus consumers, group `logistics`. Order events keep logistics' view of which orders may be shipped
 * (`order_payments`) and cancel undispatched shipments of a closed order; a refund's return the buyer shipped becomes
 * a return shipment. Idempotent: processed ids are committed with the view, commands use
 * consumer:logistics:<eventId>[:<shipmentId>].
 */
@Controller()
export class LogisticsReactionsController {
  constructor(@Inject(LOGISTICS_SERVICE_TOKEN) private readonly logistics: LogisticsService) {}

  @EventPattern(topicOf('order'), { group: CONSUMER_GROUP, eventTypes: ORDER_EVENT_TYPES })
  async onOrderEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.logistics.onOrderEvent(event);
  }

  @EventPattern(topicOf('refund'), { group: CONSUMER_GROUP, eventTypes: REFUND_EVENTS_LOGISTICS_REACTS_TO })
  async onRefundEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.logistics.onRefundEvent(event);
  }
}
