import { Type, type Static } from '@sinclair/typebox';
import { Id, Money } from '../common';

/** Lifecycle of an order; `closed` ends it without a sale (see OrderCloseReason). */
export const OrderStatuses = ['awaiting_payment', 'awaiting_shipment', 'shipped', 'delivered', 'completed', 'closed'] as const;
export type OrderStatus = (typeof OrderStatuses)[number];
export const OrderStatusSchema = Type.Union(
  OrderStatuses.map((s) => Type.Literal(s)),
  { description: 'Order status' },
);

export const OrderPaymentMethods = ['online', 'cod'] as const;
export type OrderPaymentMethod = (typeof OrderPaymentMethods)[number];
export const OrderPaymentMethodSchema = Type.Union(
  OrderPaymentMethods.map((m) => Type.Literal(m)),
  {
    description: '`online`: paid before shipment; `cod`: cash on delivery, paid to the carrier at the door',
  },
);

export const OrderCloseReasons = ['unpaid_timeout', 'cancelled', 'refunded_in_full', 'returned_to_merchant'] as const;
export type OrderCloseReason = (typeof OrderCloseReasons)[number];
export const OrderCloseReasonSchema = Type.Union(
  OrderCloseReasons.map((r) => Type.Literal(r)),
  {
    description:
      '`unpaid_timeout`: not paid by payBy; `cancelled`: cancelled before payment (or before shipment for COD); ' +
      '`refunded_in_full`: everything paid was refunded; `returned_to_merchant`: a COD parcel was refused or returned',
  },
);

export const OrderNoteFlags = ['red', 'yellow', 'green', 'blue', 'purple'] as const;
export type OrderNoteFlag = (typeof OrderNoteFlags)[number];
export const OrderNoteFlagSchema = Type.Union(
  OrderNoteFlags.map((f) => Type.Literal(f)),
  {
    description: 'Flag colour of a note; red marks a special request',
  },
);

export const OrderItemSchema = Type.Object(
  {
    sku: Id('Stock-keeping unit; unique within an order'),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    quantity: Type.Integer({ minimum: 1 }),
    unitPrice: Money('Price of one unit in minor units'),
    category: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Goods category, e.g. `custom_made` (excluded from 7-day no-reason returns)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type OrderItem = Static<typeof OrderItemSchema>;

export const ShippingAddressSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    phone: Type.String({ pattern: '^\\+?[0-9][0-9 -]{5,19}$', description: 'Digits, spaces and dashes, optional leading +' }),
    province: Type.String({ minLength: 1, maxLength: 100 }),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    district: Type.String({ minLength: 1, maxLength: 100 }),
    street: Type.String({ minLength: 1, maxLength: 300 }),
    postalCode: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z -]{3,10}$' })),
  },
  { additionalProperties: false },
);
export type ShippingAddress = Static<typeof ShippingAddressSchema>;
