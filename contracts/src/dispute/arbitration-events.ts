import { Type, type Static } from '@sinclair/typebox';
import { Currency, Evidence, Id, Money, OneOf, RulebookVersion, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { DisputePartySchema, DisputeRulingOutcomes, RemedyKinds, ViolationTypeSchema } from './vocabulary';

/** Platform arbitration (小二介入): the ruling and the one appeal against it. */

const CaseKeys = {
  disputeId: Id('Id of the case (dsp_…)'),
  orderId: Id('Order the case is about (partition key)'),
  shopId: Id('Shop the case is about'),
};

export const DisputeRuledEvent = defineEvent({
  type: 'DisputeRuled',
  version: 1,
  service: 'dispute',
  description:
    'The platform ruled on the case. A buyer-favourable ruling carries the refund amount and/or compensation the refund service carries out (never more than paid); a violation costs the shop penalty points. The losing party may appeal until appealBy.',
  schema: Type.Object(
    {
      ...CaseKeys,
      buyerId: Id('Buyer of the order'),
      refundId: Type.Optional(Id('Escalated refund the ruling ends, when the case came from one')),
      rulingId: Id('Id of the ruling, unique within the case'),
      outcome: OneOf(DisputeRulingOutcomes, 'In whose favour'),
      refundAmount: Type.Optional(Money('Amount to refund to the buyer, in minor units')),
      compensation: Type.Optional(
        Type.Object(
          { kind: OneOf(RemedyKinds, 'What the compensation is') },
          { additionalProperties: false, description: 'Compensation the platform orders besides the refund' },
        ),
      ),
      violation: Type.Optional(ViolationTypeSchema),
      reason: Text('Reasons of the ruling, citing the evidence', 4000),
      ruledBy: Id('Platform agent (小二) who ruled'),
      ruledAt: Timestamp('When the ruling was made'),
      appealBy: Timestamp('Until when the losing party may appeal (ruledAt + the rulebook appeal window)'),
      appealRuleId: Type.String({ minLength: 1, description: 'Rule of the appeal window (dispute.appeal_window)' }),
      rulebookVersion: RulebookVersion('Rulebook version of the appeal window'),
      onAppeal: Type.Boolean({ description: 'True when this ruling decides an appeal (final: no further appeal)' }),
      currency: Currency,
      basedOn: Type.Array(Id('Event id'), { description: 'Ids of the events the ruling rests on (evidence, messages)' }),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    buyerId: 'buyer-2048',
    refundId: 'rf-3c40aa',
    rulingId: 'rul-1',
    outcome: 'buyer_wins',
    refundAmount: 35900,
    violation: 'not_as_described',
    reason: 'Daylight photos confirm the colour differs from the listing.',
    ruledBy: 'plat-x03',
    ruledAt: '2026-11-18T11:00:00.000Z',
    appealBy: '2026-11-25T11:00:00.000Z',
    appealRuleId: 'dispute.appeal_window',
    rulebookVersion: '2026-12-v4',
    onAppeal: false,
    currency: 'CNY',
    basedOn: ['01937a7e-7d1c-7000-8000-000000000002'],
  },
});
export type DisputeRuled = Static<typeof DisputeRuledEvent.schema>;

export const DisputeAppealedEvent = defineEvent({
  type: 'DisputeAppealed',
  version: 1,
  service: 'dispute',
  description: 'The losing party appealed the ruling, once, within the window: the case goes back to arbitration.',
  schema: Type.Object(
    {
      ...CaseKeys,
      party: DisputePartySchema,
      reason: Text('Why the ruling should change', 2000),
      evidence: Type.Array(Evidence, { description: 'New evidence with the appeal; may be empty' }),
      appealedBy: Id('Actor who appealed'),
      appealedAt: Timestamp('When the appeal was made'),
      rulingId: Id('Ruling appealed against'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    party: 'merchant',
    reason: 'The buyer washed the item at a high temperature.',
    evidence: [{ kind: 'document', ref: 'media/dsp_3c40aa/care-label.jpg' }],
    appealedBy: 'cs-012',
    appealedAt: '2026-11-19T09:00:00.000Z',
    rulingId: 'rul-1',
  },
});
export type DisputeAppealed = Static<typeof DisputeAppealedEvent.schema>;

export const disputeArbitrationEvents = [DisputeRuledEvent, DisputeAppealedEvent] as const;
