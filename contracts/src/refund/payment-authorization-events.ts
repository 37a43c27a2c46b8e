import { Type, type Static } from '@sinclair/typebox';
import { Currency, Id, Money, OneOf, RulebookVersion, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { RefundPaymentTriggers } from './fulfilment-events';

export const RefundPaymentAuthorizedEvent = defineEvent({
  type: 'RefundPaymentAuthorized',
  version: 1,
  service: 'refund',
  description:
    "The refund's money may move: a refund_only request was approved, the merchant confirmed the returned goods, the confirmation deadline passed, or a platform ruling decided it. The payout (payoutId) moves it exactly once; RefundPaid follows.",
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the refund belongs to (partition key)'),
      shopId: Id('Shop whose sale is refunded'),
      buyerId: Id('Buyer who receives the money'),
      payoutId: Id('Id of the payout that will move the money: the payment provider idempotency key'),
      amount: Money('Amount to pay back, in minor units'),
      currency: Currency,
      trigger: OneOf(RefundPaymentTriggers, 'What released the money'),
      authorizedAt: Timestamp('When the payment was authorized'),
      rulebookVersion: Type.Optional(RulebookVersion('Rulebook version of the timeout, when a timeout released the money')),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-5b2c9e',
    orderId: 'ord-20261105-0001',
    shopId: 'shop-88',
    buyerId: 'buyer-1024',
    payoutId: 'pay_refund_rf-5b2c9e',
    amount: 19900,
    currency: 'CNY',
    trigger: 'return_confirm_timeout',
    authorizedAt: '2026-11-24T11:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});
export type RefundPaymentAuthorized = Static<typeof RefundPaymentAuthorizedEvent.schema>;

export const refundPaymentAuthorizationEvents = [RefundPaymentAuthorizedEvent] as const;
