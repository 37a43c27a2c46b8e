import { Type, type Static } from '@sinclair/typebox';
import { Currency, Evidence, Id, Money, OneOf, RulebookVersion, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { RemedyKinds } from './vocabulary';

/** Remedies (proposed by the shop, approved above a threshold, answered by the buyer), resolution and follow-up. */

const CaseKeys = {
  disputeId: Id('Id of the case (dsp_…)'),
  orderId: Id('Order the case is about (partition key)'),
  shopId: Id('Shop the case is about'),
};

export const DisputeRemedyProposedEvent = defineEvent({
  type: 'DisputeRemedyProposed',
  version: 2,
  service: 'dispute',
  description:
    "The shop proposed a remedy to the buyer. When its amount is above the rulebook threshold it waits for a supervisor's approval before the buyer can accept it.",
  schema: Type.Object(
    {
      ...CaseKeys,
      remedyId: Id('Id of the proposal, unique within the case'),
      kind: OneOf(RemedyKinds, 'What the buyer gets'),
      amount: Type.Optional(Money('Money part of the remedy, in minor units, when there is one')),
      currency: Currency,
      description: Text('The remedy as explained to the buyer', 1000),
      requiresSupervisorApproval: Type.Boolean({ description: 'True when the amount is above the approval threshold' }),
      approvalThreshold: Money('Amount above which a supervisor must approve, from the rulebook'),
      ruleId: Type.String({ minLength: 1, description: 'Rule of the approval threshold (dispute.remedy_approval)' }),
      rulebookVersion: RulebookVersion('Rulebook version the threshold was read from'),
      proposedBy: Id('Staff member who proposed'),
      proposedAt: Timestamp('When the remedy was proposed'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_77a0c3',
    orderId: 'ord-20261105-0009',
    shopId: 'shop-88',
    remedyId: 'rem-1',
    kind: 'partial_refund',
    amount: 30000,
    currency: 'CNY',
    description: 'We refund 300 CNY and you keep the item.',
    requiresSupervisorApproval: true,
    approvalThreshold: 20000,
    ruleId: 'dispute.remedy_approval',
    rulebookVersion: '2026-12-v4',
    proposedBy: 'cs-012',
    proposedAt: '2026-11-20T10:00:00.000Z',
  },
});
export type DisputeRemedyProposed = Static<typeof DisputeRemedyProposedEvent.schema>;

export const DisputeRemedyApprovedEvent = defineEvent({
  type: 'DisputeRemedyApproved',
  version: 2,
  service: 'dispute',
  description: 'A supervisor approved a proposed remedy above the threshold: the buyer may now accept it.',
  schema: Type.Object(
    {
      ...CaseKeys,
      remedyId: Id('Proposal approved'),
      approverId: Id('Supervisor who approved'),
      approvedAt: Timestamp('When the supervisor approved'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_77a0c3',
    orderId: 'ord-20261105-0009',
    shopId: 'shop-88',
    remedyId: 'rem-1',
    approverId: 'sup-07',
    approvedAt: '2026-11-21T08:10:00.000Z',
  },
});
export type DisputeRemedyApproved = Static<typeof DisputeRemedyApprovedEvent.schema>;

export const DisputeRemedyRejectedEvent = defineEvent({
  type: 'DisputeRemedyRejected',
  version: 2,
  service: 'dispute',
  description: 'A supervisor refused a proposed remedy; the shop may propose another.',
  schema: Type.Object(
    {
      ...CaseKeys,
      remedyId: Id('Proposal refused'),
      approverId: Id('Supervisor who refused'),
      reason: Text('Why the supervisor refused', 1000),
      rejectedAt: Timestamp('When the supervisor refused'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_5512ee',
    orderId: 'ord-20261105-0010',
    shopId: 'shop-88',
    remedyId: 'rem-1',
    approverId: 'sup-07',
    reason: 'Offer a partial refund instead of a goodwill credit.',
    rejectedAt: '2026-11-21T08:20:00.000Z',
  },
});
export type DisputeRemedyRejected = Static<typeof DisputeRemedyRejectedEvent.schema>;

export const DisputeRemedyAcceptedEvent = defineEvent({
  type: 'DisputeRemedyAccepted',
  version: 1,
  service: 'dispute',
  description:
    'The buyer accepted a remedy (approved when it needed approval): the case is resolved, and the refund service carries out its money part (a refund or a compensation decision naming the case and remedy).',
  schema: Type.Object(
    {
      ...CaseKeys,
      buyerId: Id('Buyer who accepted'),
      refundId: Type.Optional(Id('Refund request the case is about, if any')),
      remedyId: Id('Proposal accepted'),
      kind: OneOf(RemedyKinds, 'What the buyer gets'),
      amount: Type.Optional(Money('Money part of the remedy, in minor units, when there is one')),
      currency: Currency,
      acceptedBy: Id('Actor who accepted (the buyer)'),
      acceptedAt: Timestamp('When the buyer accepted'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_77a0c3',
    orderId: 'ord-20261105-0009',
    shopId: 'shop-88',
    buyerId: 'buyer-2048',
    remedyId: 'rem-1',
    kind: 'partial_refund',
    amount: 15000,
    currency: 'CNY',
    acceptedBy: 'buyer-2048',
    acceptedAt: '2026-11-21T09:00:00.000Z',
  },
});
export type DisputeRemedyAccepted = Static<typeof DisputeRemedyAcceptedEvent.schema>;

export const DisputeRemedyDeclinedEvent = defineEvent({
  type: 'DisputeRemedyDeclined',
  version: 1,
  service: 'dispute',
  description: 'The buyer declined a proposed remedy; the case goes back to the shop (or the buyer escalates).',
  schema: Type.Object(
    {
      ...CaseKeys,
      remedyId: Id('Proposal declined'),
      reason: Type.Optional(Text('Why the buyer declined', 1000)),
      declinedBy: Id('Actor who declined (the buyer)'),
      declinedAt: Timestamp('When the buyer declined'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_77a0c3',
    orderId: 'ord-20261105-0009',
    shopId: 'shop-88',
    remedyId: 'rem-1',
    reason: 'I want my money back, not a voucher.',
    declinedBy: 'buyer-2048',
    declinedAt: '2026-11-21T09:00:00.000Z',
  },
});
export type DisputeRemedyDeclined = Static<typeof DisputeRemedyDeclinedEvent.schema>;

export const DisputeResolutions = ['remedy_accepted', 'ruling_final'] as const;

export const DisputeResolvedEvent = defineEvent({
  type: 'DisputeResolved',
  version: 2,
  service: 'dispute',
  description:
    'The case was settled: the buyer accepted a remedy, or a ruling became final (appeal window passed or appeal decided). The shop follows up next.',
  schema: Type.Object(
    {
      ...CaseKeys,
      resolution: OneOf(DisputeResolutions, 'What settled the case'),
      remedyId: Type.Optional(Id('Remedy accepted, when one settled it')),
      rulingId: Type.Optional(Id('Ruling that settled it, when one did')),
      evidence: Type.Array(Evidence, { description: 'Evidence the resolution rests on; may be empty' }),
      resolvedAt: Timestamp('When the case was resolved'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_77a0c3',
    orderId: 'ord-20261105-0009',
    shopId: 'shop-88',
    resolution: 'remedy_accepted',
    remedyId: 'rem-1',
    evidence: [],
    resolvedAt: '2026-11-21T09:00:00.000Z',
  },
});
export type DisputeResolved = Static<typeof DisputeResolvedEvent.schema>;

export const DisputeFollowedUpEvent = defineEvent({
  type: 'DisputeFollowedUp',
  version: 2,
  service: 'dispute',
  description: "The shop followed up with the buyer after the resolution and recorded the buyer's satisfaction.",
  schema: Type.Object(
    {
      ...CaseKeys,
      agentId: Id('Staff member who followed up'),
      satisfaction: Type.Integer({ minimum: 1, maximum: 5, description: 'Buyer satisfaction, 1 (very unhappy) to 5 (very happy)' }),
      comment: Type.Optional(Text('What the buyer said', 2000)),
      followedUpAt: Timestamp('When the follow-up happened'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_77a0c3',
    orderId: 'ord-20261105-0009',
    shopId: 'shop-88',
    agentId: 'cs-012',
    satisfaction: 4,
    comment: 'Money received; would have preferred a faster answer.',
    followedUpAt: '2026-11-24T09:00:00.000Z',
  },
});
export type DisputeFollowedUp = Static<typeof DisputeFollowedUpEvent.schema>;

export const disputeResolutionEvents = [
  DisputeRemedyProposedEvent,
  DisputeRemedyApprovedEvent,
  DisputeRemedyRejectedEvent,
  DisputeRemedyAcceptedEvent,
  DisputeRemedyDeclinedEvent,
  DisputeResolvedEvent,
  DisputeFollowedUpEvent,
] as const;
