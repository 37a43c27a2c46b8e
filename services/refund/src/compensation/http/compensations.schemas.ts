import { Type, type Static } from '@sinclair/typebox';
import { CompensationInput, CompensationKinds, Id, OneOf, RefundItem } from '@aftersales/contracts';

const strict = { additionalProperties: false } as const;
const text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });

export const ProposableKinds = ['counterfeit', 'not_as_described', 'out_of_stock', 'goodwill'] as const;

export const ProposeCompensationBody = Type.Object(
  {
    orderId: Id('Order to compensate'),
    kind: OneOf(ProposableKinds, 'counterfeit (3 × goods), not_as_described, out_of_stock: computed by the rule; goodwill: the agent names the amount'),
    items: Type.Optional(Type.Array(RefundItem, { minItems: 1, maxItems: 100, description: 'Lines concerned (rule-computed kinds); default the whole order' })),
    amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000_000, description: 'Goodwill only: the amount proposed, in minor units' })),
    refundId: Type.Optional(Id('Refund request this compensation accompanies')),
    disputeId: Type.Optional(Id('Dispute whose remedy this is')),
    note: Type.Optional(text(1000, 'Why (recorded with the decision)')),
  },
  strict,
);
export type ProposeCompensationBody = Static<typeof ProposeCompensationBody>;

export const ApprovalBody = Type.Object({ note: Type.Optional(text(500, 'Why, if the supervisor wants to say')) }, strict);
export type ApprovalBody = Static<typeof ApprovalBody>;

export const RejectionBody = Type.Object({ reason: text(500, 'Why the supervisor refuses') }, strict);
export type RejectionBody = Static<typeof RejectionBody>;

export const ListCompensationsParams = Type.Object(
  {
    status: Type.Optional(OneOf(['awaiting_approval', 'payout_pending', 'paid', 'rejected'] as const, 'Only compensations in this status')),
    shopId: Type.Optional(Id()),
    orderId: Type.Optional(Id()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  strict,
);
export type ListCompensationsParams = Static<typeof ListCompensationsParams>;

const Timestamp = Type.String({ format: 'date-time' });

/** GET /compensations/{compensationId} */
export const CompensationViewSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  kind: OneOf(CompensationKinds, 'Payout kind'),
  amount: Type.Integer({ description: 'Minor units' }),
  currency: Type.String(),
  status: OneOf(['awaiting_approval', 'payout_pending', 'paid', 'rejected'] as const, 'Where the compensation stands'),
  rule: Type.Object({ id: Type.String(), version: Type.String({ description: 'Rulebook version' }) }),
  basedOn: Type.Array(Type.String(), { description: 'Ids of the events it was computed from' }),
  explanation: Type.String({ description: 'The arithmetic in words' }),
  inputs: Type.Array(CompensationInput),
  requiresSupervisorApproval: Type.Boolean(),
  approvalThreshold: Type.Integer(),
  shopId: Type.String(),
  buyerId: Type.String(),
  refundId: Type.Optional(Type.String()),
  disputeId: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
  decidedAt: Timestamp,
  approval: Type.Optional(Type.Object({ approverId: Type.String(), note: Type.Optional(Type.String()), approvedAt: Timestamp })),
  rejection: Type.Optional(Type.Object({ approverId: Type.String(), reason: Type.String(), rejectedAt: Timestamp })),
  payoutId: Type.String({ description: 'The payout that pays it (GET /payouts/{payoutId})' }),
  paidAt: Type.Optional(Timestamp),
  revision: Type.Integer(),
});

/** GET /compensations: a page of compensations. */
export const CompensationsPageSchema = Type.Object({
  items: Type.Array(CompensationViewSchema),
  nextCursor: Type.Optional(Type.String({ description: 'Pass as cursor (with the same filter) for the next page; absent on the last page' })),
});
