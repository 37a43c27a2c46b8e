import type { EventEnvelope, OrderEventData, OrderItem } from '@aftersales/contracts';

/**
 * What compensation rules read about an order, each fact with the id of the event it came from. Folded from order
 * events: live by the `compensation_order_facts` view, and by the audit from the events a decision names.
 */
export type OrderFacts = {
  orderId: string;
  shopId?: string;
  buyerId?: string;
  currency?: string;
  placed?: { eventId: string; items: OrderItem[]; itemsTotal: number; shippingFee: number; total: number };
  paid?: { eventId: string; amount: number; at: string };
  shipped?: { eventId: string; at: string };
  completed?: { eventId: string; at: string };
  missedShipBy?: { eventId: string; paidAmount: number; shipBy: string; detectedAt: string };
};

export const ORDER_FACT_EVENT_TYPES = [
  'OrderPlaced',
  'OrderPaid',
  'CashOnDeliveryCollected',
  'OrderShipped',
  'ReceiptConfirmed',
  'ShipByDeadlineMissed',
] as const;
const factTypes = new Set<string>(ORDER_FACT_EVENT_TYPES);
export const isOrderFactEvent = (type: string): boolean => factTypes.has(type);

type Data<T extends (typeof ORDER_FACT_EVENT_TYPES)[number]> = OrderEventData<T>;

/** Who sells, who buys, and in which currency, as an order event names them. */
const partiesOf = (d: { shopId: string; buyerId: string; currency: string }) => ({ shopId: d.shopId, buyerId: d.buyerId, currency: d.currency });

/** The facts after one more order event; events of other types leave them as they are. */
export function foldOrderFacts(facts: OrderFacts | undefined, event: Pick<EventEnvelope, 'eventId' | 'type' | 'data'>): OrderFacts {
  const orderId = (event.data as { orderId: string }).orderId;
  const current: OrderFacts = facts ?? { orderId };
  switch (event.type) {
    case 'OrderPlaced': {
      const d = event.data as Data<'OrderPlaced'>;
      return {
        ...current,
        ...partiesOf(d),
        placed: { eventId: event.eventId, items: d.items, itemsTotal: d.itemsTotal, shippingFee: d.shippingFee, total: d.total },
      };
    }
    case 'OrderPaid': {
      const d = event.data as Data<'OrderPaid'>;
      return { ...current, shopId: d.shopId, currency: d.currency, paid: { eventId: event.eventId, amount: d.amount, at: d.paidAt } };
    }
    case 'CashOnDeliveryCollected': {
      const d = event.data as Data<'CashOnDeliveryCollected'>;
      return { ...current, shopId: d.shopId, currency: d.currency, paid: { eventId: event.eventId, amount: d.amount, at: d.collectedAt } };
    }
    case 'OrderShipped': {
      const d = event.data as Data<'OrderShipped'>;
      return { ...current, shipped: { eventId: event.eventId, at: d.dispatchedAt } };
    }
    case 'ReceiptConfirmed': {
      const d = event.data as Data<'ReceiptConfirmed'>;
      return { ...current, completed: { eventId: event.eventId, at: d.confirmedAt } };
    }
    case 'ShipByDeadlineMissed': {
      const d = event.data as Data<'ShipByDeadlineMissed'>;
      return {
        ...current,
        ...partiesOf(d),
        missedShipBy: { eventId: event.eventId, paidAmount: d.paidAmount, shipBy: d.shipBy, detectedAt: d.detectedAt },
      };
    }
    default:
      return current;
  }
}
