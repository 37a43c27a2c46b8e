import { Type, type Static } from '@sinclair/typebox';
import { Evidence, Id, Money, OneOf, RulebookVersion, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { Remedy } from './vocabulary';

/** Remedies (proposed, approved above a threshold), the resolution, and the follow-up with the customer. */

export const DisputeRemedyProposedEvent = defineEvent({
  type: 'DisputeRemedyProposed',
  version: 1,
  service: 'dispute',
  description:
    "An agent proposed a remedy. When its money part is above the rulebook threshold it needs a supervisor's approval before it can resolve the case.",
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      remedyId: Id('Id of the proposal, unique within the case'),
      remedy: Remedy,
      proposedBy: Id('Agent (工号) who proposed'),
      requiresSupervisorApproval: Type.Boolean({ description: 'True when the amount is above approvalThreshold' }),
      approvalThreshold: Money('Amount above which a supervisor must approve, from the rulebook'),
      rulebookVersion: RulebookVersion('Rulebook version the threshold was read from'),
      proposedAt: Timestamp('When the remedy was proposed'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-77a0c3',
    orderId: 'ord-20261105-0009',
    remedyId: 'rm-1',
    remedy: { kind: 'compensation', amount: 89700, currency: 'CNY', description: 'Refund plus three times the goods price.' },
    proposedBy: 'cs-012',
    requiresSupervisorApproval: true,
    approvalThreshold: 20000,
    rulebookVersion: '2026-12-v4',
    proposedAt: '2026-11-20T10:00:00.000Z',
  },
});
export type DisputeRemedyProposed = Static<typeof DisputeRemedyProposedEvent.schema>;

export const DisputeRemedyApprovedEvent = defineEvent({
  type: 'DisputeRemedyApproved',
  version: 1,
  service: 'dispute',
  description: 'A supervisor approved a proposed remedy.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      remedyId: Id('Proposal approved'),
      approverId: Id('Supervisor who approved'),
      approvedAt: Timestamp('When the supervisor approved'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-77a0c3',
    orderId: 'ord-20261105-0009',
    remedyId: 'rm-1',
    approverId: 'sup-07',
    approvedAt: '2026-11-21T08:10:00.000Z',
  },
});
export type DisputeRemedyApproved = Static<typeof DisputeRemedyApprovedEvent.schema>;

export const DisputeRemedyRejectedEvent = defineEvent({
  type: 'DisputeRemedyRejected',
  version: 1,
  service: 'dispute',
  description: 'A supervisor refused a proposed remedy; the agent may propose another.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      remedyId: Id('Proposal refused'),
      approverId: Id('Supervisor who refused'),
      reason: Text('Why the supervisor refused', 1000),
      rejectedAt: Timestamp('When the supervisor refused'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-5512ee',
    orderId: 'ord-20261105-0010',
    remedyId: 'rm-1',
    approverId: 'sup-07',
    reason: 'Offer a partial refund instead of a goodwill credit.',
    rejectedAt: '2026-11-21T08:20:00.000Z',
  },
});
export type DisputeRemedyRejected = Static<typeof DisputeRemedyRejectedEvent.schema>;

export const DisputeOutcomes = ['justified', 'unjustified'] as const;
export const DisputeResolvers = ['merchant', 'supervisor', 'platform'] as const;

export const DisputeResolvedEvent = defineEvent({
  type: 'DisputeResolved',
  version: 1,
  service: 'dispute',
  description:
    'The case was settled. A justified complaint carries its remedy (the refund service acts on its money part); an unjustified one carries the explanation and the evidence behind it.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      outcome: OneOf(DisputeOutcomes, 'Whether the complaint was justified'),
      remedyId: Type.Optional(Id('Approved or accepted proposal applied, for a justified complaint')),
      remedy: Type.Optional(Remedy),
      explanation: Text('Explanation given to the customer', 4000),
      evidence: Type.Array(Evidence, { description: 'Evidence the resolution rests on; may be empty' }),
      resolvedBy: OneOf(DisputeResolvers, "Who settled it: the merchant's team, a supervisor or a platform ruling"),
      followUpDueBy: Type.Optional(Timestamp('When the customer should be contacted again, if a follow-up is due')),
      resolvedAt: Timestamp('When the case was resolved'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-77a0c3',
    orderId: 'ord-20261105-0009',
    outcome: 'justified',
    remedyId: 'rm-1',
    remedy: { kind: 'compensation', amount: 89700, currency: 'CNY', description: 'Refund plus three times the goods price.' },
    explanation: 'The brand confirmed the item is not genuine; we apologise and compensate.',
    evidence: [{ kind: 'document', ref: 'media/dp-77a0c3/brand-letter.pdf' }],
    resolvedBy: 'supervisor',
    followUpDueBy: '2026-11-24T08:10:00.000Z',
    resolvedAt: '2026-11-21T08:10:00.000Z',
  },
});
export type DisputeResolved = Static<typeof DisputeResolvedEvent.schema>;

export const DisputeFollowedUpEvent = defineEvent({
  type: 'DisputeFollowedUp',
  version: 1,
  service: 'dispute',
  description: 'The customer was contacted after the resolution; their satisfaction is recorded when they answered.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      agentId: Id('Agent (工号) who followed up'),
      reached: Type.Boolean({ description: 'True when the customer could be reached' }),
      satisfaction: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 5, description: 'Customer satisfaction, 1 (very unhappy) to 5 (very happy)' }),
      ),
      note: Type.Optional(Text('What the customer said', 2000)),
      followedUpAt: Timestamp('When the follow-up happened'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-77a0c3',
    orderId: 'ord-20261105-0009',
    agentId: 'cs-012',
    reached: true,
    satisfaction: 4,
    note: 'Money received; would have preferred a faster answer.',
    followedUpAt: '2026-11-24T09:00:00.000Z',
  },
});
export type DisputeFollowedUp = Static<typeof DisputeFollowedUpEvent.schema>;

export const disputeResolutionEvents = [
  DisputeRemedyProposedEvent,
  DisputeRemedyApprovedEvent,
  DisputeRemedyRejectedEvent,
  DisputeResolvedEvent,
  DisputeFollowedUpEvent,
] as const;
