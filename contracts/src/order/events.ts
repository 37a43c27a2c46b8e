import { Type, type Static } from '@sinclair/typebox';
import { Currency, Id, Money, Timestamp } from '../common';
import { defineEvent, type DomainEventOf, type EventDefinition } from '../define-event';
import { PROTECTED_FIELDS, sealedVersionOf } from '../protected-fields';
import {
  ShippingAddressSchema,
  OrderCloseReasonSchema,
  OrderNoteFlagSchema,
  OrderItemSchema,
  OrderStatusSchema,
  OrderPaymentMethodSchema,
  type ShippingAddress,
  type OrderItem,
} from './shared-schemas';

export * from './shared-schemas';

const OrderId = Id('Order id; the partition key');
const RulebookVersion = Type.String({ description: 'Version of the rulebook whose parameters this decision used' });

const exampleAddress: ShippingAddress = {
  name: 'Li Lei',
  phone: '+86 138-0000-0000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Xihu',
  street: '1 Wensan Road',
  postalCode: '310000',
};
const exampleItems: OrderItem[] = [{ sku: 'tea-500g', title: 'Longjing tea 500 g', quantity: 2, unitPrice: 12800, category: 'food' }];

export const OrderPlacedEvent = defineEvent({
  type: 'OrderPlaced',
  version: 1,
  service: 'order',
  description:
    'A buyer placed an order. Online orders start awaiting payment with payBy and paymentReminderAt; cash-on-delivery ' +
    'orders start awaiting shipment and carry shipBy (the merchant must ship within the ship-by window of placement).',
  schema: Type.Object(
    {
      orderId: OrderId,
      buyerId: Id(),
      shopId: Id(),
      currency: Currency,
      items: Type.Array(OrderItemSchema, { minItems: 1 }),
      itemsTotal: Money('Sum of quantity × unitPrice'),
      shippingFee: Money(),
      total: Money('itemsTotal + shippingFee: what the buyer pays'),
      paymentMethod: OrderPaymentMethodSchema,
      address: ShippingAddressSchema,
      shipWithinHours: Type.Optional(
        Type.Number({ exclusiveMinimum: 0, description: 'Ship-by window agreed with the buyer; absent: the rulebook default applies' }),
      ),
      status: OrderStatusSchema,
      placedAt: Timestamp(),
      payBy: Type.Optional(Timestamp('Online only: the order closes unpaid at this time')),
      paymentReminderAt: Type.Optional(Timestamp('Online only: a payment reminder is due at this time')),
      shipBy: Type.Optional(Timestamp('COD or replacement order: ship-by deadline, counted from placement')),
      rulebookVersion: RulebookVersion,
      replacesOrderId: Type.Optional(Id('Exchange (换货) only: the original order this replacement order is sent for, at no charge')),
      exchangeRefundId: Type.Optional(Id('Exchange only: the refund (exchange request) that created this replacement order')),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    buyerId: 'buyer-1',
    shopId: 'shop-1',
    currency: 'CNY',
    items: exampleItems,
    itemsTotal: 25600,
    shippingFee: 1000,
    total: 26600,
    paymentMethod: 'online',
    address: exampleAddress,
    status: 'awaiting_payment',
    placedAt: '2026-11-02T08:00:00.000Z',
    payBy: '2026-11-05T08:00:00.000Z',
    paymentReminderAt: '2026-11-02T20:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});

export const PaymentReminderDueEvent = defineEvent({
  type: 'PaymentReminderDue',
  version: 1,
  service: 'order',
  description: 'An online order is still unpaid when its reminder time came: the buyer should be reminded (催单).',
  schema: Type.Object(
    {
      orderId: OrderId,
      buyerId: Id(),
      shopId: Id(),
      amountDue: Money(),
      currency: Currency,
      reminderAt: Timestamp('When the reminder was due'),
      payBy: Timestamp(),
      recordedAt: Timestamp(),
      rulebookVersion: RulebookVersion,
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    buyerId: 'buyer-1',
    shopId: 'shop-1',
    amountDue: 26600,
    currency: 'CNY',
    reminderAt: '2026-11-02T20:00:00.000Z',
    payBy: '2026-11-05T08:00:00.000Z',
    recordedAt: '2026-11-02T20:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});

export const OrderPaidEvent = defineEvent({
  type: 'OrderPaid',
  version: 1,
  service: 'order',
  description:
    'The buyer paid an online order in full; it now awaits shipment. shipBy = paidAt + shipWithinHours, which is the ' +
    'agreed window when one was agreed at placement, else the rulebook default.',
  schema: Type.Object(
    {
      orderId: OrderId,
      shopId: Id(),
      amount: Money('Amount paid; always equals the order total'),
      currency: Currency,
      paymentRef: Type.String({ minLength: 1, maxLength: 128, description: 'Reference of the payment at the provider' }),
      paidAt: Timestamp(),
      shipWithinHours: Type.Number({ exclusiveMinimum: 0 }),
      shipWithinSource: Type.Union([Type.Literal('agreed'), Type.Literal('rulebook')], {
        description: 'Whether the ship-by window was agreed with the buyer or taken from the rulebook',
      }),
      shipBy: Timestamp(),
      rulebookVersion: RulebookVersion,
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    shopId: 'shop-1',
    amount: 26600,
    currency: 'CNY',
    paymentRef: 'pay_20261102_0001',
    paidAt: '2026-11-02T09:00:00.000Z',
    shipWithinHours: 72,
    shipWithinSource: 'rulebook',
    shipBy: '2026-11-05T09:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});

export const OrderClosedEvent = defineEvent({
  type: 'OrderClosed',
  version: 1,
  service: 'order',
  description:
    'The order ended without a completed sale: unpaid by its deadline, cancelled (before payment, or before shipment for ' +
    'COD), refunded in full, or a COD parcel returned to the merchant. A paid order is never cancelled directly: it is refunded.',
  schema: Type.Object(
    {
      orderId: OrderId,
      shopId: Id(),
      reason: OrderCloseReasonSchema,
      previousStatus: OrderStatusSchema,
      closedAt: Timestamp(),
      paidAmount: Money('What the buyer had paid when the order closed'),
      currency: Currency,
      cancellationReason: Type.Optional(Type.String({ maxLength: 500, description: 'Free text given with a cancellation' })),
      refundedAmount: Type.Optional(Money('For refunded_in_full: the total refunded')),
      payBy: Type.Optional(Timestamp('For unpaid_timeout: the deadline that passed')),
      rulebookVersion: Type.Optional(Type.String({ description: 'For unpaid_timeout: the rulebook that set payBy' })),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    shopId: 'shop-1',
    reason: 'unpaid_timeout',
    previousStatus: 'awaiting_payment',
    closedAt: '2026-11-05T08:00:00.000Z',
    paidAmount: 0,
    currency: 'CNY',
    payBy: '2026-11-05T08:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});

export const OrderNoteAddedEvent = defineEvent({
  type: 'OrderNoteAdded',
  version: 1,
  service: 'order',
  description: 'An agent appended a note (备注). Notes are append-only: a later note never replaces an earlier one.',
  schema: Type.Object(
    {
      orderId: OrderId,
      noteNo: Type.Integer({ minimum: 1, description: '1-based sequence of the note within the order' }),
      text: Type.String({ minLength: 1, maxLength: 1000 }),
      flag: Type.Optional(OrderNoteFlagSchema),
      agentId: Id('Id (工号) of the actor who wrote the note'),
      addedAt: Timestamp(),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    noteNo: 1,
    text: 'Buyer asks for gift wrapping',
    flag: 'red',
    agentId: 'agent-007',
    addedAt: '2026-11-02T10:00:00.000Z',
  },
});

export const ShippingAddressChangedEvent = defineEvent({
  type: 'ShippingAddressChanged',
  version: 1,
  service: 'order',
  description: 'The shipping address changed before dispatch; after dispatch a change is an after-sales matter.',
  schema: Type.Object(
    { orderId: OrderId, previousAddress: ShippingAddressSchema, address: ShippingAddressSchema, changedAt: Timestamp() },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    previousAddress: exampleAddress,
    address: { ...exampleAddress, street: '18 Gudun Road' },
    changedAt: '2026-11-02T11:00:00.000Z',
  },
});

export const InvoiceRequestedEvent = defineEvent({
  type: 'InvoiceRequested',
  version: 1,
  service: 'order',
  description: 'The buyer asked for an invoice (发票). The merchant must issue it; a later request replaces an unissued one.',
  schema: Type.Object(
    {
      orderId: OrderId,
      title: Type.String({ minLength: 1, maxLength: 200, description: 'Invoice title: a person or a company name' }),
      taxId: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'Taxpayer id of a company title' })),
      requestedAt: Timestamp(),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    title: 'Hangzhou Tea Co., Ltd.',
    taxId: '91330100MA2XXXXXX1',
    requestedAt: '2026-11-02T12:00:00.000Z',
  },
});

export const InvoiceIssuedEvent = defineEvent({
  type: 'InvoiceIssued',
  version: 1,
  service: 'order',
  description: 'The merchant issued the requested invoice for the order total.',
  schema: Type.Object(
    {
      orderId: OrderId,
      shopId: Id(),
      invoiceNo: Type.String({ minLength: 1, maxLength: 64 }),
      title: Type.String({ minLength: 1, maxLength: 200 }),
      taxId: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
      amount: Money('Invoiced amount: the order total'),
      currency: Currency,
      issuedAt: Timestamp(),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    shopId: 'shop-1',
    invoiceNo: 'INV-2026-000123',
    title: 'Hangzhou Tea Co., Ltd.',
    taxId: '91330100MA2XXXXXX1',
    amount: 26600,
    currency: 'CNY',
    issuedAt: '2026-11-03T09:00:00.000Z',
  },
});

export const OrderShippedEvent = defineEvent({
  type: 'OrderShipped',
  version: 1,
  service: 'order',
  description:
    'The order was dispatched (from logistics ShipmentDispatched). Receipt is confirmed automatically at autoConfirmAt = ' +
    'dispatchedAt + the rulebook auto-confirm days unless the buyer confirms earlier.',
  schema: Type.Object(
    {
      orderId: OrderId,
      shipmentId: Id(),
      carrier: Type.String({ minLength: 1, maxLength: 64 }),
      trackingNo: Type.String({ minLength: 1, maxLength: 64 }),
      dispatchedAt: Timestamp(),
      shipBy: Type.Optional(Timestamp('The ship-by deadline that applied')),
      late: Type.Boolean({ description: 'Dispatched after shipBy' }),
      autoConfirmAt: Timestamp(),
      autoConfirmReceiptDays: Type.Number({ exclusiveMinimum: 0 }),
      rulebookVersion: RulebookVersion,
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    shipmentId: 'shp_4k2m9p',
    carrier: 'SF',
    trackingNo: 'SF1234567890',
    dispatchedAt: '2026-11-03T10:00:00.000Z',
    shipBy: '2026-11-05T09:00:00.000Z',
    late: false,
    autoConfirmAt: '2026-11-13T10:00:00.000Z',
    autoConfirmReceiptDays: 10,
    rulebookVersion: '2026-12-v4',
  },
});

export const OrderDeliveredEvent = defineEvent({
  type: 'OrderDelivered',
  version: 1,
  service: 'order',
  description: 'The carrier delivered the parcel and it was signed for (from logistics ShipmentDelivered).',
  schema: Type.Object({ orderId: OrderId, shipmentId: Id(), deliveredAt: Timestamp() }, { additionalProperties: false }),
  example: { orderId: 'ord_8f2k1x9q', shipmentId: 'shp_4k2m9p', deliveredAt: '2026-11-05T15:00:00.000Z' },
});

export const CashOnDeliveryCollectedEvent = defineEvent({
  type: 'CashOnDeliveryCollected',
  version: 1,
  service: 'order',
  description:
    'A COD order was delivered and the carrier collected the order total from the buyer: this is when a COD order is ' +
    'paid (paidAmount becomes the total). Appended together with OrderDelivered.',
  schema: Type.Object(
    {
      orderId: OrderId,
      shopId: Id(),
      shipmentId: Id(),
      amount: Money(),
      currency: Currency,
      collectedAt: Timestamp(),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_c0d7x2',
    shopId: 'shop-1',
    shipmentId: 'shp_9x8c7v',
    amount: 26600,
    currency: 'CNY',
    collectedAt: '2026-11-05T15:00:00.000Z',
  },
});

export const ReceiptConfirmedEvent = defineEvent({
  type: 'ReceiptConfirmed',
  version: 1,
  service: 'order',
  description: 'Receipt was confirmed, by the buyer or automatically at autoConfirmAt: the order is completed (交易成功).',
  schema: Type.Object(
    {
      orderId: OrderId,
      shopId: Id(),
      confirmedBy: Type.Union([Type.Literal('buyer'), Type.Literal('auto')]),
      confirmedAt: Timestamp(),
      autoConfirmAt: Timestamp('The auto-confirm deadline that applied'),
      rulebookVersion: Type.Optional(Type.String({ description: 'For auto: the rulebook that set autoConfirmAt' })),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    shopId: 'shop-1',
    confirmedBy: 'buyer',
    confirmedAt: '2026-11-06T09:00:00.000Z',
    autoConfirmAt: '2026-11-13T10:00:00.000Z',
  },
});

export const ShipByDeadlineMissedEvent = defineEvent({
  type: 'ShipByDeadlineMissed',
  version: 1,
  service: 'order',
  description:
    'The merchant did not dispatch by shipBy (付款未发货). Carries what a late-shipment compensation is computed from. ' +
    'For COD orders paidAmount is 0 (nothing is paid before delivery).',
  schema: Type.Object(
    {
      orderId: OrderId,
      shopId: Id(),
      buyerId: Id(),
      shipBy: Timestamp(),
      detectedAt: Timestamp('When the miss was recorded: the ship-by check, or a dispatch after shipBy'),
      paymentMethod: OrderPaymentMethodSchema,
      paidAmount: Money('What the buyer actually paid'),
      itemsTotal: Money(),
      shippingFee: Money(),
      total: Money(),
      currency: Currency,
      rulebookVersion: Type.String({ description: 'The rulebook that set shipBy' }),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    shopId: 'shop-1',
    buyerId: 'buyer-1',
    shipBy: '2026-11-05T09:00:00.000Z',
    detectedAt: '2026-11-05T09:00:00.000Z',
    paymentMethod: 'online',
    paidAmount: 101000,
    itemsTotal: 100000,
    shippingFee: 1000,
    total: 101000,
    currency: 'CNY',
    rulebookVersion: '2026-12-v4',
  },
});

export const OrderReturnedToMerchantEvent = defineEvent({
  type: 'OrderReturnedToMerchant',
  version: 1,
  service: 'order',
  description:
    'The parcel went back to the merchant undelivered (refused at the door, undeliverable). A COD order then closes ' +
    '(OrderClosed returned_to_merchant); a paid online order goes back to awaiting_shipment: the merchant may ship again ' +
    'or the buyer asks for a refund.',
  schema: Type.Object(
    {
      orderId: OrderId,
      shipmentId: Id(),
      reason: Type.Union([Type.Literal('refused'), Type.Literal('undeliverable'), Type.Literal('other')]),
      paymentMethod: OrderPaymentMethodSchema,
      paidAmount: Money(),
      returnedAt: Timestamp(),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_c0d7x2',
    shipmentId: 'shp_9x8c7v',
    reason: 'refused',
    paymentMethod: 'cod',
    paidAmount: 0,
    returnedAt: '2026-11-08T10:00:00.000Z',
  },
});

export const ShippingAddressLockedEvent = defineEvent({
  type: 'ShippingAddressLocked',
  version: 1,
  service: 'order',
  description:
    'The order learnt that a shipment was created for it and froze its shipping address for that shipment: from now on an ' +
    'address change is refused, and logistics dispatches the shipment only once it has seen this event, so no address ' +
    'change can be committed after the dispatch. The address is the one the parcel goes to.',
  schema: Type.Object(
    {
      orderId: OrderId,
      shipmentId: Id('Shipment the address is frozen for'),
      address: ShippingAddressSchema,
      lockedAt: Timestamp(),
    },
    { additionalProperties: false },
  ),
  example: { orderId: 'ord_8f2k1x9q', shipmentId: 'shp_9x8c7v', address: exampleAddress, lockedAt: '2026-11-02T12:00:00.000Z' },
});

export const ShippingAddressUnlockedEvent = defineEvent({
  type: 'ShippingAddressUnlocked',
  version: 1,
  service: 'order',
  description: 'The shipment the address was frozen for was cancelled before dispatch: the address may change again.',
  schema: Type.Object(
    {
      orderId: OrderId,
      shipmentId: Id('Shipment the address was frozen for'),
      reason: Type.Literal('shipment_cancelled'),
      unlockedAt: Timestamp(),
    },
    { additionalProperties: false },
  ),
  example: { orderId: 'ord_8f2k1x9q', shipmentId: 'shp_9x8c7v', reason: 'shipment_cancelled', unlockedAt: '2026-11-02T13:00:00.000Z' },
});

const AfterSalesCase = Type.Object(
  {
    kind: Type.Union([Type.Literal('refund'), Type.Literal('dispute')], { description: 'Which service the case belongs to' }),
    id: Id('Refund or dispute id'),
  },
  { additionalProperties: false, description: 'An open after-sales case that holds the auto-confirm clock' },
);

export const AutoConfirmPausedEvent = defineEvent({
  type: 'AutoConfirmPaused',
  version: 1,
  service: 'order',
  description:
    'A refund or dispute opened on a shipped or delivered order: the auto-confirm-receipt clock stops while any case is ' +
    'open. remainingMs is the time the clock had left when it stopped (unchanged when another case was already open).',
  schema: Type.Object(
    {
      orderId: OrderId,
      cause: AfterSalesCase,
      openCases: Type.Array(AfterSalesCase, { description: 'Every case open after this one opened' }),
      suspendedDeadline: Timestamp('The auto-confirm deadline that was pending when the clock stopped'),
      remainingMs: Type.Integer({ minimum: 0, description: 'Time left on the clock when it stopped, in ms' }),
      pausedAt: Timestamp(),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    cause: { kind: 'refund', id: 'rf-5b2c9e' },
    openCases: [{ kind: 'refund', id: 'rf-5b2c9e' }],
    suspendedDeadline: '2026-11-12T10:00:00.000Z',
    remainingMs: 518_400_000,
    pausedAt: '2026-11-06T10:00:00.000Z',
  },
});

export const AutoConfirmResumedEvent = defineEvent({
  type: 'AutoConfirmResumed',
  version: 1,
  service: 'order',
  description:
    'A refund or dispute that held the auto-confirm clock ended. When no case is left open the clock runs again with the ' +
    'time it had left: autoConfirmAt is the new deadline; while another case is open, autoConfirmAt is absent.',
  schema: Type.Object(
    {
      orderId: OrderId,
      cause: AfterSalesCase,
      openCases: Type.Array(AfterSalesCase, { description: 'Cases still open after this one ended' }),
      remainingMs: Type.Integer({ minimum: 0, description: 'Time the clock has left' }),
      autoConfirmAt: Type.Optional(Timestamp('The new auto-confirm deadline, when the clock runs again')),
      resumedAt: Timestamp(),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord_8f2k1x9q',
    cause: { kind: 'refund', id: 'rf-5b2c9e' },
    openCases: [],
    remainingMs: 518_400_000,
    autoConfirmAt: '2026-11-15T10:00:00.000Z',
    resumedAt: '2026-11-09T10:00:00.000Z',
  },
});

const orderEventList = [
  OrderPlacedEvent,
  PaymentReminderDueEvent,
  OrderPaidEvent,
  OrderClosedEvent,
  OrderNoteAddedEvent,
  ShippingAddressChangedEvent,
  InvoiceRequestedEvent,
  InvoiceIssuedEvent,
  OrderShippedEvent,
  OrderDeliveredEvent,
  CashOnDeliveryCollectedEvent,
  ReceiptConfirmedEvent,
  ShipByDeadlineMissedEvent,
  OrderReturnedToMerchantEvent,
  ShippingAddressLockedEvent,
  ShippingAddressUnlockedEvent,
  AutoConfirmPausedEvent,
  AutoConfirmResumedEvent,
] as const;

/** Versions whose buyer personal data fields may be sealed (see PROTECTED_FIELDS); writers use them. */
export const OrderPlacedEventV2 = sealedVersionOf(OrderPlacedEvent, PROTECTED_FIELDS.OrderPlaced);
export const OrderClosedEventV2 = sealedVersionOf(OrderClosedEvent, PROTECTED_FIELDS.OrderClosed);
export const ShippingAddressChangedEventV2 = sealedVersionOf(ShippingAddressChangedEvent, PROTECTED_FIELDS.ShippingAddressChanged);
export const ShippingAddressLockedEventV2 = sealedVersionOf(ShippingAddressLockedEvent, PROTECTED_FIELDS.ShippingAddressLocked);

/** Every order event definition, in catalogue order (a type's versions in order). */
export const orderEvents: EventDefinition[] = [...orderEventList, OrderPlacedEventV2, OrderClosedEventV2, ShippingAddressChangedEventV2, ShippingAddressLockedEventV2];

export type OrderEvent = DomainEventOf<(typeof orderEventList)[number]>;
export type OrderEventType = OrderEvent['type'];
/** Data of one order event type, e.g. `OrderEventData<'OrderPaid'>`. */
export type OrderEventData<T extends OrderEventType> = Extract<OrderEvent, { type: T }>['data'];

export type OrderPlaced = Static<typeof OrderPlacedEvent.schema>;
export type PaymentReminderDue = Static<typeof PaymentReminderDueEvent.schema>;
export type OrderPaid = Static<typeof OrderPaidEvent.schema>;
export type OrderClosed = Static<typeof OrderClosedEvent.schema>;
export type OrderNoteAdded = Static<typeof OrderNoteAddedEvent.schema>;
export type ShippingAddressChanged = Static<typeof ShippingAddressChangedEvent.schema>;
export type InvoiceRequested = Static<typeof InvoiceRequestedEvent.schema>;
export type InvoiceIssued = Static<typeof InvoiceIssuedEvent.schema>;
export type OrderShipped = Static<typeof OrderShippedEvent.schema>;
export type OrderDelivered = Static<typeof OrderDeliveredEvent.schema>;
export type CashOnDeliveryCollected = Static<typeof CashOnDeliveryCollectedEvent.schema>;
export type ReceiptConfirmed = Static<typeof ReceiptConfirmedEvent.schema>;
export type ShipByDeadlineMissed = Static<typeof ShipByDeadlineMissedEvent.schema>;
export type OrderReturnedToMerchant = Static<typeof OrderReturnedToMerchantEvent.schema>;
export type ShippingAddressLocked = Static<typeof ShippingAddressLockedEvent.schema>;
export type ShippingAddressUnlocked = Static<typeof ShippingAddressUnlockedEvent.schema>;
export type AutoConfirmPaused = Static<typeof AutoConfirmPausedEvent.schema>;
export type AutoConfirmResumed = Static<typeof AutoConfirmResumedEvent.schema>;
