import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { topicOf, type EventEnvelope } from '@aftersales/contracts';
import { CONSUMER_GROUP, type OrderService } from '../application';
import { REFUND_EVENTS_ORDER_REACTS_TO } from '../policies';
import { ORDER_SERVICE_TOKEN } from './orders.tokens';

/**
 * The order's bus consumers, group `order`: logistics milestones move the order (shipped, delivered, returned);
 * refund decisions place an exchange's replacement order and close an order refunded in full; an open refund or
 * dispute holds the auto-confirm clock.
 * Idempotent: command key consumer:order:<eventId>.
 */
@Controller()
export class OrderReactionsController {
  constructor(@Inject(ORDER_SERVICE_TOKEN) private readonly orders: OrderService) {}

  @EventPattern(topicOf('logistics'), { group: CONSUMER_GROUP })
  async onLogisticsEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.orders.onLogisticsEvent(event);
  }

  @EventPattern(topicOf('refund'), { group: CONSUMER_GROUP, eventTypes: REFUND_EVENTS_ORDER_REACTS_TO })
  async onRefundEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.orders.onRefundEvent(event);
  }

  /** An open case holds auto-confirm; a shop closed for its penalty points (ShopRestricted closed) takes no new orders. */
  @EventPattern(topicOf('dispute'), { group: CONSUMER_GROUP })
  async onDisputeEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.orders.onDisputeEvent(event);
  }
}
