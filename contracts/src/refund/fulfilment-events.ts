import { Type, type Static } from '@sinclair/typebox';
import { Currency, Id, Money, OneOf, RulebookVersion, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { RefundItem, RefundReasonSchema } from './vocabulary';

/** How an approved request is fulfilled: money back, a replacement order (换货) or a reissued shipment (补发). */

export const RefundPaymentTriggers = ['approved', 'return_received', 'return_confirm_timeout', 'platform_ruling'] as const;

export const RefundPaidEvent = defineEvent({
  type: 'RefundPaid',
  version: 1,
  service: 'refund',
  description:
    'Money went back to the buyer, exactly once per refund (payoutId). A ledger line: it names the shop, the amount and what triggered the payment. The total refunded on an order never exceeds what the buyer paid.',
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the refund belongs to (partition key)'),
      shopId: Id('Shop whose sale is refunded'),
      buyerId: Id('Buyer who receives the money'),
      payoutId: Id('Unique id of this money movement, used as the payment provider idempotency key'),
      amount: Money('Amount paid back, in minor units'),
      currency: Currency,
      totalRefundedOnOrder: Money('Sum of all refunds paid on the order, this one included'),
      trigger: OneOf(
        RefundPaymentTriggers,
        'What released the money: approval of a refund_only request, the merchant confirming the return, the confirmation timeout, or a platform ruling',
      ),
      paidAt: Timestamp('When the money was released'),
      rulebookVersion: Type.Optional(RulebookVersion('Rulebook version of the timeout, when a timeout released the money')),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-5b2c9e',
    orderId: 'ord-20261105-0001',
    shopId: 'shop-88',
    buyerId: 'buyer-1024',
    payoutId: 'payout-refund-rf-5b2c9e',
    amount: 19900,
    currency: 'CNY',
    totalRefundedOnOrder: 19900,
    trigger: 'return_received',
    paidAt: '2026-11-17T14:20:00.000Z',
  },
});
export type RefundPaid = Static<typeof RefundPaidEvent.schema>;

export const ExchangeReplacementOrderCreatedEvent = defineEvent({
  type: 'ExchangeReplacementOrderCreated',
  version: 1,
  service: 'refund',
  description:
    'An exchange (换货) is fulfilled by a replacement order that references the original. The refund allocates the replacement order id and its lines; the order service places that order (at no charge) when it consumes this event.',
  schema: Type.Object(
    {
      refundId: Id('Id of the exchange request'),
      orderId: Id('Original order (partition key)'),
      replacementOrderId: Id('Id of the replacement order to place'),
      items: Type.Array(RefundItem, { minItems: 1, description: 'Lines to send again' }),
      createdAt: Timestamp('When the replacement was decided'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-0e55c1',
    orderId: 'ord-20261105-0006',
    replacementOrderId: 'ord-20261105-0006-x1',
    items: [{ sku: 'SHIRT-BLUE-L', quantity: 1 }],
    createdAt: '2026-11-18T10:00:00.000Z',
  },
});
export type ExchangeReplacementOrderCreated = Static<typeof ExchangeReplacementOrderCreatedEvent.schema>;

export const ReissueShipmentRequestedEvent = defineEvent({
  type: 'ReissueShipmentRequested',
  version: 1,
  service: 'refund',
  description: "A reissue (补发) was approved: logistics is asked to ship the listed items again to the order's address by shipBy.",
  schema: Type.Object(
    {
      refundId: Id('Id of the reissue request'),
      orderId: Id('Order whose items are sent again (partition key)'),
      items: Type.Array(RefundItem, { minItems: 1, description: 'Lines to ship again' }),
      reason: RefundReasonSchema,
      requestedAt: Timestamp('When the reissue was requested'),
      shipBy: Timestamp('Deadline for the merchant to dispatch the reissue'),
      rulebookVersion: RulebookVersion('Rulebook version the ship-by deadline was computed with'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-2f7b90',
    orderId: 'ord-20261105-0007',
    items: [{ sku: 'CHARGER-65W', quantity: 1 }],
    reason: 'missing_item',
    requestedAt: '2026-11-09T09:00:00.000Z',
    shipBy: '2026-11-12T09:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});
export type ReissueShipmentRequested = Static<typeof ReissueShipmentRequestedEvent.schema>;

export const refundFulfilmentEvents = [RefundPaidEvent, ExchangeReplacementOrderCreatedEvent, ReissueShipmentRequestedEvent] as const;
