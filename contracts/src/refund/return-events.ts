import { Type, type Static } from '@sinclair/typebox';
import { Id, OneOf, RulebookVersion, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { ReturnAddress, ReturnConditions, ShippingPayers } from './vocabulary';

/** The goods' way back (退货), tracked on the refund: asked for, shipped by the buyer, received by the merchant. */

export const RefundReturnRequestedEvent = defineEvent({
  type: 'RefundReturnRequested',
  version: 1,
  service: 'refund',
  description:
    'After approval of a return_and_refund or exchange, the buyer is asked to send the goods back to returnAddress by returnShipBy, else the request closes.',
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the request is about (partition key)'),
      returnAddress: ReturnAddress,
      shippingPaidBy: OneOf(
        ShippingPayers,
        'Who pays the return shipping: the buyer unless the return is caused by quality, wrong or damaged goods',
      ),
      returnShipBy: Timestamp('Deadline for the buyer to ship the return'),
      rulebookVersion: RulebookVersion('Rulebook version the return deadline was computed with'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-5b2c9e',
    orderId: 'ord-20261105-0001',
    returnAddress: {
      name: 'Returns desk',
      phone: '+86-571-0000-0000',
      province: 'Zhejiang',
      city: 'Hangzhou',
      district: 'Yuhang',
      street: '1 Warehouse Road',
      postalCode: '311100',
    },
    shippingPaidBy: 'merchant',
    returnShipBy: '2026-11-20T09:30:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});
export type RefundReturnRequested = Static<typeof RefundReturnRequestedEvent.schema>;

export const RefundReturnShippedEvent = defineEvent({
  type: 'RefundReturnShipped',
  version: 1,
  service: 'refund',
  description:
    'The buyer shipped the goods back. Starts the merchant confirmation clock: without confirmation by merchantConfirmBy the refund is paid automatically.',
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the request is about (partition key)'),
      carrier: Id('Carrier code of the return shipment'),
      trackingNo: Id('Carrier tracking number of the return shipment'),
      shippedAt: Timestamp('When the buyer handed the parcel to the carrier'),
      merchantConfirmBy: Timestamp('Deadline for the merchant to confirm receipt before automatic refund'),
      rulebookVersion: RulebookVersion('Rulebook version the confirmation deadline was computed with'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-5b2c9e',
    orderId: 'ord-20261105-0001',
    carrier: 'sf-express',
    trackingNo: 'SF1234567890',
    shippedAt: '2026-11-14T11:00:00.000Z',
    merchantConfirmBy: '2026-11-24T11:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});
export type RefundReturnShipped = Static<typeof RefundReturnShippedEvent.schema>;

export const RefundReturnReceivedEvent = defineEvent({
  type: 'RefundReturnReceived',
  version: 1,
  service: 'refund',
  description: 'The merchant confirmed the returned goods arrived (退货到货) and recorded their condition.',
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the request is about (partition key)'),
      condition: OneOf(ReturnConditions, 'State of the returned goods on arrival'),
      note: Type.Optional(Text('What the merchant observed', 1000)),
      receivedAt: Timestamp('When the goods arrived at the merchant'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-5b2c9e',
    orderId: 'ord-20261105-0001',
    condition: 'intact',
    note: 'Teapot and lid in original box.',
    receivedAt: '2026-11-17T14:20:00.000Z',
  },
});
export type RefundReturnReceived = Static<typeof RefundReturnReceivedEvent.schema>;

export const refundReturnEvents = [RefundReturnRequestedEvent, RefundReturnShippedEvent, RefundReturnReceivedEvent] as const;
