import { Type, type Static } from '@sinclair/typebox';
import { Currency, Id, Money, OneOf, RuleRef, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';

/**
 * Compensation (赔付, stream `compensation-<compensationId>`): money beyond the refund, funded from the shop's deposit.
 * A decision names its rule, rulebook version, source events, inputs and arithmetic so an audit can recompute it.
 */

export const CompensationKinds = [
  'late_shipment',
  'counterfeit',
  'not_as_described',
  'fake_shipment',
  'out_of_stock',
  'abnormal_tracking',
  'late_exchange',
  'goodwill',
] as const;
export type CompensationKind = (typeof CompensationKinds)[number];

export const CompensationInputUnits = ['minor', 'percent', 'multiple', 'count', 'hours', 'days'] as const;

export const CompensationInput = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'Name of the input, e.g. paidAmount, percentOfPaid, capMinor' }),
    value: Type.Number({ description: 'Value of the input; amounts are integers in minor units' }),
    unit: OneOf(CompensationInputUnits, 'Unit of the value'),
    sourceEventId: Type.Optional(Id('Event the value was read from; absent for rulebook parameters')),
  },
  { additionalProperties: false, description: 'One number the computation used' },
);
export type CompensationInput = Static<typeof CompensationInput>;

export const CompensationDecidedEvent = defineEvent({
  type: 'CompensationDecided',
  version: 1,
  service: 'refund',
  description:
    'A compensation was computed from recorded events with a versioned rule. Above the rulebook threshold it waits for a supervisor; otherwise it is paid out next.',
  schema: Type.Object(
    {
      compensationId: Id('Id of the compensation'),
      orderId: Id('Order the compensation is for (partition key)'),
      shopId: Id('Shop whose deposit funds it'),
      buyerId: Id('Buyer who receives it'),
      kind: OneOf(CompensationKinds, 'Payout kind (late shipment, counterfeit 假一赔三, not as described, goodwill…)'),
      rule: RuleRef,
      basedOn: Type.Array(Id('Id of a recorded event'), {
        minItems: 1,
        description: 'Ids of the events the computation read (e.g. OrderPaid, ShipmentDispatched)',
      }),
      inputs: Type.Array(CompensationInput, { minItems: 1, description: 'Every number the computation used' }),
      explanation: Text('The arithmetic in words, e.g. "5% of 101000 = 5050; capped at 3000 → 3000"', 1000),
      amount: Money('Compensation to pay, in minor units'),
      currency: Currency,
      requiresSupervisorApproval: Type.Boolean({ description: 'True when amount is above approvalThreshold' }),
      approvalThreshold: Money('Amount above which a supervisor must approve, from the rulebook'),
      refundId: Type.Optional(Id('Refund request this compensation accompanies, if any')),
      disputeId: Type.Optional(Id('Dispute whose remedy this compensation pays, if any')),
      note: Type.Optional(Text('Why the agent proposed it (goodwill after a bad review…), in their words', 1000)),
      decidedAt: Timestamp('When the compensation was decided'),
    },
    { additionalProperties: false },
  ),
  example: {
    compensationId: 'cp-late-ord-20261105-0008',
    orderId: 'ord-20261105-0008',
    shopId: 'shop-88',
    buyerId: 'buyer-4096',
    kind: 'late_shipment',
    rule: { ruleId: 'compensation.late_shipment', rulebookVersion: '2026-12-v5' },
    basedOn: ['0b6f7c1e-6a52-4c0e-9d8e-2f4a1c9b7d10', '5d1e2f3a-8b7c-4d6e-a1f2-3b4c5d6e7f80'],
    inputs: [
      { name: 'paidAmount', value: 101000, unit: 'minor', sourceEventId: '0b6f7c1e-6a52-4c0e-9d8e-2f4a1c9b7d10' },
      { name: 'percentOfPaid', value: 5, unit: 'percent' },
      { name: 'capMinor', value: 3000, unit: 'minor' },
    ],
    explanation: '5% of 101000 = 5050; capped at 3000 → 3000',
    amount: 3000,
    currency: 'CNY',
    requiresSupervisorApproval: false,
    approvalThreshold: 20000,
    decidedAt: '2026-11-09T00:00:00.000Z',
  },
});
export type CompensationDecided = Static<typeof CompensationDecidedEvent.schema>;

export const CompensationApprovedEvent = defineEvent({
  type: 'CompensationApproved',
  version: 1,
  service: 'refund',
  description: 'A supervisor approved a compensation that needed approval; it is paid out next.',
  schema: Type.Object(
    {
      compensationId: Id('Id of the compensation'),
      orderId: Id('Order the compensation is for (partition key)'),
      approverId: Id('Supervisor who approved'),
      note: Type.Optional(Text('Why, if the supervisor wrote something', 500)),
      approvedAt: Timestamp('When the supervisor approved'),
    },
    { additionalProperties: false },
  ),
  example: {
    compensationId: 'cp-fake-ord-20261105-0009',
    orderId: 'ord-20261105-0009',
    approverId: 'sup-07',
    note: 'Counterfeit confirmed by brand letter.',
    approvedAt: '2026-11-21T08:15:00.000Z',
  },
});
export type CompensationApproved = Static<typeof CompensationApprovedEvent.schema>;

export const CompensationRejectedEvent = defineEvent({
  type: 'CompensationRejected',
  version: 1,
  service: 'refund',
  description: 'A supervisor refused a compensation that needed approval; nothing is paid.',
  schema: Type.Object(
    {
      compensationId: Id('Id of the compensation'),
      orderId: Id('Order the compensation is for (partition key)'),
      approverId: Id('Supervisor who refused'),
      reason: Text('Why the supervisor refused', 500),
      rejectedAt: Timestamp('When the supervisor refused'),
    },
    { additionalProperties: false },
  ),
  example: {
    compensationId: 'cp-goodwill-ord-20261105-0010',
    orderId: 'ord-20261105-0010',
    approverId: 'sup-07',
    reason: 'A partial refund already settled the complaint.',
    rejectedAt: '2026-11-21T08:20:00.000Z',
  },
});
export type CompensationRejected = Static<typeof CompensationRejectedEvent.schema>;

export const CompensationFundingSources = ['shop_deposit'] as const;

export const CompensationPaidOutEvent = defineEvent({
  type: 'CompensationPaidOut',
  version: 1,
  service: 'refund',
  description:
    "The compensation was paid to the buyer from the shop's deposit (保证金), exactly once (payoutId). A ledger line that traces to its rule.",
  schema: Type.Object(
    {
      compensationId: Id('Id of the compensation'),
      orderId: Id('Order the compensation is for (partition key)'),
      shopId: Id('Shop whose deposit is debited'),
      buyerId: Id('Buyer who receives the money'),
      payoutId: Id('Unique id of this money movement, used as the payment provider idempotency key'),
      amount: Money('Amount paid, in minor units'),
      currency: Currency,
      fundingSource: OneOf(CompensationFundingSources, 'Where the money comes from'),
      rule: RuleRef,
      paidAt: Timestamp('When the money was released'),
    },
    { additionalProperties: false },
  ),
  example: {
    compensationId: 'cp-late-ord-20261105-0008',
    orderId: 'ord-20261105-0008',
    shopId: 'shop-88',
    buyerId: 'buyer-4096',
    payoutId: 'payout-compensation-cp-late-ord-20261105-0008',
    amount: 3000,
    currency: 'CNY',
    fundingSource: 'shop_deposit',
    rule: { ruleId: 'compensation.late_shipment', rulebookVersion: '2026-12-v5' },
    paidAt: '2026-11-09T00:00:01.000Z',
  },
});
export type CompensationPaidOut = Static<typeof CompensationPaidOutEvent.schema>;

export const compensationEvents = [
  CompensationDecidedEvent,
  CompensationApprovedEvent,
  CompensationRejectedEvent,
  CompensationPaidOutEvent,
] as const;
