import { Type, type Static } from '@sinclair/typebox';
import {
  DisputeCause,
  FollowUpRefundCause,
  Evidence,
  Id,
  RefundItem,
  RefundReasonSchema,
  RefundTypeSchema,
  ReturnAddress,
  ReturnConditions,
  OneOf,
  RuleRef,
  ShippingPayers,
} from '@aftersales/contracts';
import { RefundStatuses } from '../domain/refund-state';

const strict = { additionalProperties: false } as const;
const text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, description });
const Timestamp = Type.String({ format: 'date-time' });
const ConditionSchema = OneOf(ReturnConditions, 'State of the goods: intact, damaged or missing parts');
const carrierFields = {
  carrier: Type.String({ minLength: 1, maxLength: 64, description: 'Carrier code, e.g. sf, yto' }),
  trackingNo: Type.String({ minLength: 1, maxLength: 64, description: 'Carrier tracking number' }),
};

export const RequestRefundBody = Type.Object(
  {
    orderId: Id('Order the request is about'),
    type: RefundTypeSchema,
    reason: RefundReasonSchema,
    amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'Minor units; 0 for an exchange or a reissue' }),
    items: Type.Optional(Type.Array(RefundItem, { minItems: 1, maxItems: 100, description: 'Concerned lines; absent: the whole order' })),
    description: Type.Optional(text(2000, "The buyer's own description of the problem")),
    evidence: Type.Optional(Type.Array(Evidence, { maxItems: 20 })),
    goodsCondition: Type.Optional(ConditionSchema),
  },
  strict,
);
export type RequestRefundBody = Static<typeof RequestRefundBody>;

export const ApprovalBody = Type.Object({ returnAddress: Type.Optional(ReturnAddress) }, strict);
export type ApprovalBody = Static<typeof ApprovalBody>;

export const RejectionBody = Type.Object(
  { reason: text(2000, 'Why, as shown to the buyer'), evidence: Type.Optional(Type.Array(Evidence, { maxItems: 20 })) },
  strict,
);
export type RejectionBody = Static<typeof RejectionBody>;

export const ReturnShipmentBody = Type.Object(carrierFields, strict);
export type ReturnShipmentBody = Static<typeof ReturnShipmentBody>;

export const ReturnReceiptBody = Type.Object(
  { condition: ConditionSchema, note: Type.Optional(text(1000, 'What the merchant observed')) },
  strict,
);
export type ReturnReceiptBody = Static<typeof ReturnReceiptBody>;

export const CancellationBody = Type.Object({ reason: Type.Optional(text(500, 'Why the buyer withdraws')) }, strict);
export type CancellationBody = Static<typeof CancellationBody>;

export const EscalationBody = Type.Object(
  {
    description: text(2000, 'What the buyer wants the dispute to settle'),
    evidence: Type.Optional(Type.Array(Evidence, { maxItems: 20 })),
  },
  strict,
);
export type EscalationBody = Static<typeof EscalationBody>;

export const ReissueShipmentBody = Type.Object(carrierFields, strict);
export type ReissueShipmentBody = Static<typeof ReissueShipmentBody>;

export const ListRefundsParams = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  strict,
);
export type ListRefundsParams = Static<typeof ListRefundsParams>;

export const ListAllRefundsParams = Type.Object(
  {
    status: Type.Optional(OneOf(RefundStatuses, 'Only refunds in this status')),
    shopId: Type.Optional(Id()),
    buyerId: Type.Optional(Id()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  strict,
);
export type ListAllRefundsParams = Static<typeof ListAllRefundsParams>;

/** GET /refunds/{refundId} (documentation of the read model document). */
export const RefundViewSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  shopId: Type.String(),
  buyerId: Type.String(),
  type: RefundTypeSchema,
  reason: RefundReasonSchema,
  amount: Type.Integer(),
  currency: Type.String(),
  refundableAmount: Type.Integer({ description: 'What could still be refunded on the order when asked' }),
  items: Type.Optional(Type.Array(RefundItem)),
  description: Type.Optional(Type.String()),
  evidence: Type.Array(Evidence),
  status: OneOf(RefundStatuses, 'Where the request stands'),
  requestedAt: Timestamp,
  deadlines: Type.Object({
    merchantRespondBy: Timestamp,
    returnShipBy: Type.Optional(Timestamp),
    merchantConfirmBy: Type.Optional(Timestamp),
    escalateBy: Type.Optional(Timestamp),
    reissueShipBy: Type.Optional(Timestamp),
  }),
  deadlineRulebooks: Type.Record(Type.String(), Type.String(), { description: 'Rulebook version that set each deadline' }),
  eligibility: Type.Optional(
    Type.Object({
      eligible: Type.Boolean(),
      grounds: Type.Array(Type.String()),
      receivedAt: Type.Optional(Timestamp),
      windowEndsAt: Type.Optional(Timestamp),
      excludedCategories: Type.Array(Type.String()),
      rule: RuleRef,
    }),
  ),
  approval: Type.Optional(
    Type.Object({ by: Type.String(), approvedAt: Timestamp, returnRequired: Type.Boolean(), rulebookVersion: Type.String() }),
  ),
  returnRequest: Type.Optional(
    Type.Object({ returnAddress: ReturnAddress, shippingPaidBy: OneOf(ShippingPayers, 'Who pays return shipping') }),
  ),
  returnShipment: Type.Optional(Type.Object({ carrier: Type.String(), trackingNo: Type.String(), shippedAt: Timestamp })),
  returnReceipt: Type.Optional(Type.Object({ condition: ConditionSchema, note: Type.Optional(Type.String()), receivedAt: Timestamp })),
  rejection: Type.Optional(Type.Object({ reason: Type.String(), evidence: Type.Array(Evidence), rejectedAt: Timestamp })),
  payment: Type.Optional(
    Type.Object({
      payoutId: Type.String(),
      amount: Type.Integer(),
      trigger: Type.String(),
      authorizedAt: Timestamp,
      paidAt: Type.Optional(Timestamp),
      rulebookVersion: Type.Optional(Type.String()),
    }),
  ),
  replacementOrderId: Type.Optional(Type.String()),
  reissue: Type.Optional(Type.Object({ items: Type.Array(RefundItem), shipBy: Timestamp })),
  escalation: Type.Optional(Type.Object({ disputeId: Type.String(), description: Type.String(), escalatedAt: Timestamp })),
  cancellation: Type.Optional(Type.Object({ reason: Type.Optional(Type.String()), cancelledAt: Timestamp })),
  dispute: Type.Optional(
    Type.Object({
      cause: DisputeCause,
      outcome: Type.Union([Type.Literal('paid'), Type.Literal('closed')]),
      amount: Type.Integer({ minimum: 0 }),
      explanation: Type.String(),
      resolvedAt: Timestamp,
    }),
  ),
  followUp: Type.Optional(
    Type.Object(
      { cause: FollowUpRefundCause, amount: Type.Integer({ minimum: 1 }), resolvedAt: Timestamp },
      { description: 'The bad-review follow-up whose partial refund this refund pays' },
    ),
  ),
  closeReason: Type.Optional(Type.String()),
  closedAt: Type.Optional(Timestamp),
  revision: Type.Integer(),
});

export const ReissueShipmentViewSchema = Type.Object({
  refundId: Type.String(),
  orderId: Type.String(),
  shipmentId: Type.String(),
  carrier: Type.String(),
  trackingNo: Type.String(),
});

/** GET /refunds: a page of refunds, by the next deadline. */
export const RefundsPageSchema = Type.Object({
  items: Type.Array(
    Type.Composite([RefundViewSchema, Type.Object({ nextDeadline: Type.Optional(Timestamp) })], {
      description: 'A refund, with the deadline it waits on (absent when it waits on none)',
    }),
  ),
  nextCursor: Type.Optional(Type.String({ description: 'Pass as cursor (with the same filter) for the next page; absent on the last page' })),
});
