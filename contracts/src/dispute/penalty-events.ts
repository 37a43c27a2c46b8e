import { Type, type Static } from '@sinclair/typebox';
import { Id, OneOf, RuleRef, RulebookVersion, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { ShopRestrictionKinds } from '../rulebook';
import { ViolationTypeSchema } from './vocabulary';

/**
 * Penalty points (扣分) per shop and calendar year (stream `shop-penalty-<shopId>-<year>`): points reset every year.
 * v1 of PenaltyPointsAssessed and ShopPenaltyThresholdReached are published and kept for readers; writers use
 * PenaltyPointsAssessed v2, ShopRestricted and ShopRestrictionLifted.
 */

export const PenaltyPointsAssessedEvent = defineEvent({
  type: 'PenaltyPointsAssessed',
  version: 1,
  service: 'dispute',
  description: 'A shop was given penalty points for a rule violation on an order (superseded by v2).',
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
    rule: { ruleId: 'penalty.not_as_described', rulebookVersion: '2026-12-v5' },
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
    "A shop's yearly points crossed a rulebook threshold: hidden and publicly warned (12 points in v1) or closed (48 points in v1). No longer written: ShopRestricted says what each threshold does.",
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
    rulebookVersion: '2026-12-v5',
    reachedAt: '2026-11-18T11:00:00.000Z',
  },
});
export type ShopPenaltyThresholdReached = Static<typeof ShopPenaltyThresholdReachedEvent.schema>;


const year = Type.Integer({ minimum: 2000, maximum: 9999, description: 'Calendar year the points count towards (UTC)' });
const basedOn = Type.Array(Id('Id of a recorded event'), { description: 'Ids of the events the decision was based on' });

export const PenaltyPointsAssessedV2Event = defineEvent({
  type: 'PenaltyPointsAssessed',
  version: 2,
  service: 'dispute',
  description:
    'A violation on an order was assessed: the points its type costs in the rulebook (0 for a violation compensated instead, e.g. late shipment) and the arithmetic previous total + points = totalPoints of the year.',
  schema: Type.Object(
    {
      assessmentId: Id('Id of the assessment: one per order and violation type'),
      shopId: Id('Shop penalised'),
      year,
      orderId: Id('Order on which the violation happened (partition key)'),
      disputeId: Type.Optional(Id('Case that established the violation, if any')),
      rulingId: Type.Optional(Id('Ruling that established the violation, if any')),
      compensationId: Type.Optional(Id('Compensation decision that established the violation, if any')),
      violation: ViolationTypeSchema,
      previousPoints: Type.Integer({ minimum: 0, description: "Shop's total points in the year before this assessment" }),
      points: Type.Integer({ minimum: 0, description: 'Points this violation costs (rulebook penalty.pointsPerViolation)' }),
      totalPoints: Type.Integer({ minimum: 0, description: 'previousPoints + points' }),
      ruleId: Type.String({ minLength: 1, description: 'Rule applied, e.g. penalty.points' }),
      rulebookVersion: RulebookVersion(),
      basedOn: Type.Array(Id('Id of a recorded event'), { minItems: 1, description: 'Ids of the events that established the violation' }),
      assessedAt: Timestamp('When the points were given'),
    },
    { additionalProperties: false },
  ),
  example: {
    assessmentId: 'pts_ord-20261105-0003_not_as_described',
    shopId: 'shop-88',
    year: 2026,
    orderId: 'ord-20261105-0003',
    disputeId: 'dsp_3c40aa',
    rulingId: 'rul_3c40aa_1',
    violation: 'not_as_described',
    previousPoints: 9,
    points: 3,
    totalPoints: 12,
    ruleId: 'penalty.points',
    rulebookVersion: '2026-12-v5',
    basedOn: ['0b6f7c1e-6a52-4c0e-9d8e-2f4a1c9b7d10'],
    assessedAt: '2026-11-18T11:00:00.000Z',
  },
});
export type PenaltyPointsAssessedV2 = Static<typeof PenaltyPointsAssessedV2Event.schema>;

export type ShopRestrictionKind = (typeof ShopRestrictionKinds)[number];
const restrictionKind = OneOf(ShopRestrictionKinds, 'hidden in search, publicly warned, barred from listing new goods, or closed');

export const ShopRestrictedEvent = defineEvent({
  type: 'ShopRestricted',
  version: 1,
  service: 'dispute',
  description:
    "An assessment took the shop's yearly points to a rulebook threshold: one event per restriction the threshold imposes, temporary ones with their end (a closed shop's new orders are refused).",
  schema: Type.Object(
    {
      shopId: Id('Shop restricted'),
      year,
      orderId: Id('Order of the violation that crossed the threshold (partition key)'),
      kind: restrictionKind,
      from: Timestamp('When the restriction starts'),
      until: Type.Optional(Timestamp('When a temporary restriction ends; absent for a closure')),
      atPoints: Type.Integer({ minimum: 1, description: 'The threshold reached, from the rulebook' }),
      totalPoints: Type.Integer({ minimum: 1, description: "The shop's points in the year when it was reached" }),
      thresholdRuleId: Type.String({ minLength: 1, description: 'Rule of the threshold, e.g. penalty.threshold_12' }),
      rulebookVersion: RulebookVersion(),
      assessmentId: Id('Assessment that crossed the threshold'),
      basedOn,
    },
    { additionalProperties: false },
  ),
  example: {
    shopId: 'shop-88',
    year: 2026,
    orderId: 'ord-20261105-0003',
    kind: 'hidden',
    from: '2026-11-18T11:00:00.000Z',
    until: '2026-11-25T11:00:00.000Z',
    atPoints: 12,
    totalPoints: 12,
    thresholdRuleId: 'penalty.threshold_12',
    rulebookVersion: '2026-12-v5',
    assessmentId: 'pts_ord-20261105-0003_not_as_described',
    basedOn: ['5d1e2f3a-8b7c-4d6e-a1f2-3b4c5d6e7f80'],
  },
});
export type ShopRestricted = Static<typeof ShopRestrictedEvent.schema>;

export const ShopRestrictionLiftedEvent = defineEvent({
  type: 'ShopRestrictionLifted',
  version: 1,
  service: 'dispute',
  description:
    'A restriction ended: a temporary one when its time ran out (expired), any one still in force when the calendar year of the points that imposed it ended (points_reset).',
  schema: Type.Object(
    {
      shopId: Id('Shop whose restriction ended'),
      year,
      orderId: Id('Order of the restriction (partition key)'),
      kind: restrictionKind,
      restrictionFrom: Timestamp('`from` of the restriction that ended'),
      liftedAt: Timestamp('When it ended'),
      reason: OneOf(['expired', 'points_reset'] as const, 'Its time ran out, or the points that imposed it were reset'),
    },
    { additionalProperties: false },
  ),
  example: {
    shopId: 'shop-88',
    year: 2026,
    orderId: 'ord-20261105-0003',
    kind: 'hidden',
    restrictionFrom: '2026-11-18T11:00:00.000Z',
    liftedAt: '2026-11-25T11:00:00.000Z',
    reason: 'expired',
  },
});
export type ShopRestrictionLifted = Static<typeof ShopRestrictionLiftedEvent.schema>;

export const ShopRestrictionLiftReasons = ['expired', 'points_reset', 'points_revoked'] as const;

export const ShopRestrictionLiftedV2Event = defineEvent({
  type: 'ShopRestrictionLifted',
  version: 2,
  service: 'dispute',
  description:
    'A restriction ended: a temporary one when its time ran out (expired), any one still in force when the calendar year of the points that imposed it ended (points_reset), or when a revocation took the points below the threshold that imposed it (points_revoked, naming the assessment revoked).',
  schema: Type.Object(
    {
      shopId: Id('Shop whose restriction ended'),
      year,
      orderId: Id('Order of the restriction (partition key)'),
      kind: restrictionKind,
      restrictionFrom: Timestamp('`from` of the restriction that ended'),
      liftedAt: Timestamp('When it ended'),
      reason: OneOf(ShopRestrictionLiftReasons, 'Its time ran out, the points that imposed it were reset, or revoked below its threshold'),
      revokedAssessmentId: Type.Optional(Id('The assessment whose revocation took the points below the threshold (reason points_revoked)')),
      atPoints: Type.Optional(Type.Integer({ minimum: 1, description: 'The threshold of the restriction (reason points_revoked)' })),
      totalPoints: Type.Optional(Type.Integer({ minimum: 0, description: "The shop's points in the year after the revocation (reason points_revoked)" })),
    },
    { additionalProperties: false },
  ),
  example: {
    shopId: 'shop-88',
    year: 2026,
    orderId: 'ord-20261105-0003',
    kind: 'hidden',
    restrictionFrom: '2026-11-18T11:00:00.000Z',
    liftedAt: '2026-11-21T09:30:00.000Z',
    reason: 'points_revoked',
    revokedAssessmentId: 'pts_ord-20261105-0003_not_as_described',
    atPoints: 12,
    totalPoints: 9,
  },
});
export type ShopRestrictionLiftedV2 = Static<typeof ShopRestrictionLiftedV2Event.schema>;

export const PenaltyPointsRevokedEvent = defineEvent({
  type: 'PenaltyPointsRevoked',
  version: 1,
  service: 'dispute',
  description:
    "The ruling on appeal no longer finds the violation an assessment was based on: its points are taken off the shop's year, previousPoints - points = totalPoints. The assessment stays on the record, marked revoked.",
  schema: Type.Object(
    {
      assessmentId: Id('Assessment revoked'),
      shopId: Id('Shop whose points are revoked'),
      year,
      orderId: Id('Order of the assessment (partition key)'),
      disputeId: Type.Optional(Id('Case of the assessment and of the appeal')),
      rulingId: Id('Ruling on appeal that reversed the finding'),
      violation: ViolationTypeSchema,
      previousPoints: Type.Integer({ minimum: 0, description: "Shop's total points in the year before the revocation" }),
      points: Type.Integer({ minimum: 0, description: 'Points revoked: those the assessment gave' }),
      totalPoints: Type.Integer({ minimum: 0, description: 'previousPoints - points' }),
      ruleId: Type.String({ minLength: 1, description: 'Rule applied: penalty.revoked_on_appeal' }),
      rulebookVersion: RulebookVersion('Rulebook version of the assessment whose points are revoked'),
      basedOn: Type.Array(Id('Id of a recorded event'), {
        minItems: 1,
        description: 'The appeal ruling event, then the events the assessment was based on (the first ruling)',
      }),
      revokedAt: Timestamp('When the points were revoked'),
    },
    { additionalProperties: false },
  ),
  example: {
    assessmentId: 'pts_ord-20261105-0003_not_as_described',
    shopId: 'shop-88',
    year: 2026,
    orderId: 'ord-20261105-0003',
    disputeId: 'dsp_3c40aa',
    rulingId: 'rul_3c40aa_2',
    violation: 'not_as_described',
    previousPoints: 12,
    points: 3,
    totalPoints: 9,
    ruleId: 'penalty.revoked_on_appeal',
    rulebookVersion: '2026-12-v5',
    basedOn: ['7a1c2e3f-0b4d-4e5f-8a6b-7c8d9e0f1a2b', '0b6f7c1e-6a52-4c0e-9d8e-2f4a1c9b7d10'],
    revokedAt: '2026-11-21T09:30:00.000Z',
  },
});
export type PenaltyPointsRevoked = Static<typeof PenaltyPointsRevokedEvent.schema>;

/** The events the penalty decider writes (the current versions). */
export const currentPenaltyEvents = [PenaltyPointsAssessedV2Event, ShopRestrictedEvent, ShopRestrictionLiftedV2Event, PenaltyPointsRevokedEvent] as const;

export const penaltyEvents = [PenaltyPointsAssessedEvent, ShopPenaltyThresholdReachedEvent, ShopRestrictionLiftedEvent, ...currentPenaltyEvents] as const;
