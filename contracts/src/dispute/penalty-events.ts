import { Type, type Static } from '@sinclair/typebox';
import { Id, OneOf, RuleRef, RulebookVersion, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { ViolationTypeSchema } from './vocabulary';

/** Penalty points (扣分) per shop (stream `shop-penalty-<shopId>`); points reset every year. */

export const PenaltyPointsAssessedEvent = defineEvent({
  type: 'PenaltyPointsAssessed',
  version: 1,
  service: 'dispute',
  description: 'A shop was given penalty points for a rule violation on an order.',
  schema: Type.Object(
    {
      assessmentId: Id('Id of the assessment'),
      shopId: Id('Shop penalised'),
      orderId: Id('Order on which the violation happened (partition key)'),
      disputeId: Type.Optional(Id('Case that established the violation, if any')),
      violationType: ViolationTypeSchema,
      points: Type.Integer({ minimum: 1, description: 'Points given for this violation' }),
      periodYear: Type.Integer({ minimum: 2000, description: 'Calendar year the points count towards' }),
      totalPoints: Type.Integer({ minimum: 1, description: "Shop's total points in periodYear after this assessment" }),
      rule: RuleRef,
      assessedAt: Timestamp('When the points were given'),
    },
    { additionalProperties: false },
  ),
  example: {
    assessmentId: 'pen-dp-3c40aa',
    shopId: 'shop-88',
    orderId: 'ord-20261105-0003',
    disputeId: 'dp-3c40aa',
    violationType: 'not_as_described',
    points: 6,
    periodYear: 2026,
    totalPoints: 12,
    rule: { ruleId: 'penalty.not_as_described', rulebookVersion: '2026-12-v4' },
    assessedAt: '2026-11-18T11:00:00.000Z',
  },
});
export type PenaltyPointsAssessed = Static<typeof PenaltyPointsAssessedEvent.schema>;

export const ShopRestrictions = ['hidden_and_warned', 'closed'] as const;

export const ShopPenaltyThresholdReachedEvent = defineEvent({
  type: 'ShopPenaltyThresholdReached',
  version: 1,
  service: 'dispute',
  description:
    "A shop's yearly points crossed a rulebook threshold: hidden and publicly warned (12 points in v1) or closed (48 points in v1).",
  schema: Type.Object(
    {
      shopId: Id('Shop restricted'),
      orderId: Id('Order whose violation crossed the threshold (partition key)'),
      assessmentId: Id('Assessment that crossed the threshold'),
      periodYear: Type.Integer({ minimum: 2000, description: 'Calendar year of the points' }),
      totalPoints: Type.Integer({ minimum: 1, description: 'Points reached' }),
      threshold: Type.Integer({ minimum: 1, description: 'Threshold crossed, from the rulebook' }),
      restriction: OneOf(ShopRestrictions, 'What happens to the shop'),
      until: Type.Optional(Timestamp('End of a temporary restriction, when it has one')),
      rulebookVersion: RulebookVersion('Rulebook version of the thresholds'),
      reachedAt: Timestamp('When the threshold was crossed'),
    },
    { additionalProperties: false },
  ),
  example: {
    shopId: 'shop-88',
    orderId: 'ord-20261105-0003',
    assessmentId: 'pen-dp-3c40aa',
    periodYear: 2026,
    totalPoints: 12,
    threshold: 12,
    restriction: 'hidden_and_warned',
    until: '2026-11-25T11:00:00.000Z',
    rulebookVersion: '2026-12-v4',
    reachedAt: '2026-11-18T11:00:00.000Z',
  },
});
export type ShopPenaltyThresholdReached = Static<typeof ShopPenaltyThresholdReachedEvent.schema>;

export const penaltyEvents = [PenaltyPointsAssessedEvent, ShopPenaltyThresholdReachedEvent] as const;
