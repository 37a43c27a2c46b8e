import { Type, type Static } from '@sinclair/typebox';
import { Id, OneOf, Text } from '../common';

export const RefundTypes = ['refund_only', 'return_and_refund', 'exchange', 'reissue'] as const;
export type RefundType = (typeof RefundTypes)[number];
export const RefundTypeSchema = OneOf(
  RefundTypes,
  'refund_only (仅退款), return_and_refund (退货退款), exchange (换货, fulfilled by a replacement order) or reissue (补发)',
);

export const RefundReasons = [
  'no_reason_7d',
  'quality',
  'not_as_described',
  'wrong_item',
  'missing_item',
  'damaged',
  'not_received',
  'counterfeit',
  'out_of_stock',
  'other',
] as const;
export type RefundReason = (typeof RefundReasons)[number];
export const RefundReasonSchema = OneOf(RefundReasons, 'Why the buyer asks; no_reason_7d is the 7-day no-reason return');

export const ReturnConditions = ['intact', 'damaged', 'missing_parts'] as const;
export type ReturnCondition = (typeof ReturnConditions)[number];

export const ShippingPayers = ['buyer', 'merchant'] as const;
export type ShippingPayer = (typeof ShippingPayers)[number];

export const RefundItem = Type.Object(
  {
    sku: Id('SKU of the order line'),
    quantity: Type.Integer({ minimum: 1, description: 'How many units of the SKU' }),
  },
  { additionalProperties: false, description: 'Units of one order line concerned by the request' },
);
export type RefundItem = Static<typeof RefundItem>;

export const ReturnAddress = Type.Object(
  {
    name: Text('Recipient at the merchant', 100),
    phone: Text('Recipient phone number', 40),
    province: Text('Province', 100),
    city: Text('City', 100),
    district: Text('District', 100),
    street: Text('Street address', 300),
    postalCode: Type.Optional(Text('Postal code', 20)),
  },
  { additionalProperties: false, description: 'Where the buyer sends the goods back' },
);
export type ReturnAddress = Static<typeof ReturnAddress>;
