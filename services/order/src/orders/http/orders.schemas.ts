import { Type, type Static } from '@sinclair/typebox';
import {
  Currency,
  Id,
  OrderCloseReasonSchema,
  OrderItemSchema,
  OrderNoteFlagSchema,
  OrderPaymentMethodSchema,
  OrderStatusSchema,
  ShippingAddressSchema,
} from '@aftersales/contracts';

const strict = { additionalProperties: false } as const;
const text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, description });
/** One order line as posted: the contract's line with upper bounds so a total cannot overflow. */
const OrderLineBody = Type.Object(
  {
    ...OrderItemSchema.properties,
    quantity: Type.Integer({ minimum: 1, maximum: 9999 }),
    unitPrice: Type.Integer({ minimum: 0, maximum: 10_000_000_000, description: 'Price of one unit in minor units' }),
  },
  strict,
);

export const PlaceOrderBody = Type.Object(
  {
    buyerId: Id('Buyer placing the order'),
    shopId: Id('Shop selling it'),
    currency: Type.Optional(Currency),
    items: Type.Array(OrderLineBody, { minItems: 1, maxItems: 100 }),
    shippingFee: Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Shipping fee in minor units' }),
    paymentMethod: OrderPaymentMethodSchema,
    shipWithinHours: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 720, description: 'Ship-by window agreed with the buyer; default: the rulebook’s (72 h)' }),
    ),
    address: ShippingAddressSchema,
  },
  strict,
);
export type PlaceOrderBody = Static<typeof PlaceOrderBody>;

export const PaymentBody = Type.Object(
  {
    amount: Type.Integer({ minimum: 0, description: 'Minor units; must equal the order total' }),
    paymentRef: text(128, 'Reference of the payment at the provider'),
  },
  strict,
);
export type PaymentBody = Static<typeof PaymentBody>;

export const CancellationBody = Type.Object({ reason: text(500) }, strict);
export type CancellationBody = Static<typeof CancellationBody>;

export const NoteBody = Type.Object({ text: text(1000), flag: Type.Optional(OrderNoteFlagSchema) }, strict);
export type NoteBody = Static<typeof NoteBody>;

export const AddressBody = ShippingAddressSchema;
export type AddressBody = Static<typeof AddressBody>;

export const InvoiceRequestBody = Type.Object(
  {
    title: text(200, 'A person’s name or a company name'),
    taxId: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z-]{1,32}$', description: 'Taxpayer id of a company title' })),
  },
  strict,
);
export type InvoiceRequestBody = Static<typeof InvoiceRequestBody>;

export const InvoiceBody = Type.Object({ invoiceNo: Type.String({ pattern: '^[0-9A-Za-z-]{1,64}$' }) }, strict);
export type InvoiceBody = Static<typeof InvoiceBody>;

export const EmptyBody = Type.Object({}, strict);
export type EmptyBody = Static<typeof EmptyBody>;

export const ListOrdersParams = Type.Object(
  {
    shopId: Type.Optional(Id()),
    buyerId: Type.Optional(Id()),
    status: Type.Optional(OrderStatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  strict,
);
export type ListOrdersParams = Static<typeof ListOrdersParams>;

const Timestamp = Type.String({ format: 'date-time' });

export const ListNotesParams = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  strict,
);
export type ListNotesParams = Static<typeof ListNotesParams>;

const NoteSchema = Type.Object({
  noteNo: Type.Integer({ description: 'The note’s number on the order, from 1' }),
  text: Type.String(),
  flag: Type.Optional(OrderNoteFlagSchema),
  actorId: Type.String(),
  at: Timestamp,
});

/** GET /orders/{orderId}/notes. */
export const NotesPageSchema = Type.Object({
  orderId: Type.String(),
  notesCount: Type.Integer({ description: 'Every note of the order' }),
  notes: Type.Array(NoteSchema, { description: 'This page of the notes, oldest first' }),
  nextCursor: Type.Optional(Type.String({ description: 'Pass as `cursor` for the next page; absent on the last page' })),
});

/** GET /orders/{orderId} (documentation of the read model document). */
export const OrderViewSchema = Type.Object({
  id: Type.String(),
  status: OrderStatusSchema,
  closeReason: Type.Optional(OrderCloseReasonSchema),
  buyerId: Type.String(),
  shopId: Type.String(),
  currency: Type.String(),
  items: Type.Array(OrderItemSchema),
  itemsTotal: Type.Integer(),
  shippingFee: Type.Integer(),
  total: Type.Integer(),
  paidAmount: Type.Integer({ description: 'Online: the total once paid; COD: the total once delivered' }),
  paymentMethod: OrderPaymentMethodSchema,
  paymentRef: Type.Optional(Type.String()),
  address: ShippingAddressSchema,
  agreedShipWithinHours: Type.Optional(Type.Number()),
  notes: Type.Array(NoteSchema, {
    maxItems: 20,
    description: 'The newest notes (at most 20), oldest first; every note: GET /orders/{orderId}/notes',
  }),
  notesCount: Type.Integer({ description: 'Every note ever added to the order' }),
  deadlines: Type.Object({
    payBy: Type.Optional(Timestamp),
    paymentReminderAt: Type.Optional(Timestamp),
    shipBy: Type.Optional(Timestamp),
    autoConfirmAt: Type.Optional(Timestamp),
  }),
  deadlineRulebooks: Type.Object(
    { payBy: Type.Optional(Type.String()), shipBy: Type.Optional(Type.String()), autoConfirmAt: Type.Optional(Type.String()) },
    { description: 'Rulebook version that set each deadline' },
  ),
  placedAt: Timestamp,
  paidAt: Type.Optional(Timestamp),
  shipment: Type.Optional(
    Type.Object({
      shipmentId: Type.String(),
      carrier: Type.String(),
      trackingNo: Type.String(),
      dispatchedAt: Timestamp,
      late: Type.Boolean(),
    }),
  ),
  invoice: Type.Optional(
    Type.Object({
      status: Type.Union([Type.Literal('requested'), Type.Literal('issued')]),
      title: Type.String(),
      taxId: Type.Optional(Type.String()),
      requestedAt: Timestamp,
      invoiceNo: Type.Optional(Type.String()),
      issuedAt: Type.Optional(Timestamp),
    }),
  ),
  replacesOrderId: Type.Optional(Type.String({ description: 'Replacement order of an exchange: the original order' })),
  exchangeRefundId: Type.Optional(Type.String({ description: 'Replacement order of an exchange: the exchange request' })),
  addressLock: Type.Optional(
    Type.Object(
      { shipmentId: Type.String(), lockedAt: Timestamp },
      { description: 'The shipment the address is frozen for: a shipment exists, so PUT /address is 409 order.address_locked' },
    ),
  ),
  autoConfirmPause: Type.Optional(
    Type.Object(
      {
        openCases: Type.Array(Type.Object({ kind: Type.Union([Type.Literal('refund'), Type.Literal('dispute')]), id: Type.String() })),
        remainingMs: Type.Integer({ description: 'Time the auto-confirm clock has left; it runs again when the last case ends' }),
        pausedAt: Timestamp,
      },
      { description: 'The auto-confirm clock stands still while a refund or dispute is open' },
    ),
  ),
  revision: Type.Integer(),
});
