import { Type, type Static } from '@sinclair/typebox';
import v1 from '../rulebooks/v1.json';
import v2 from '../rulebooks/v2.json';
import v3 from '../rulebooks/v3.json';
import v4 from '../rulebooks/v4.json';
import v5 from '../rulebooks/v5.json';
import { ModerationCategories } from './review/vocabulary';

/** What crossing a penalty-point threshold does to a shop, and for how long (no `days`: until the points reset). */
export const ShopRestrictionKinds = ['hidden', 'warned', 'listing_barred', 'closed'] as const;
const PenaltyThreshold = Type.Object({
  atPoints: Type.Integer({ minimum: 1 }),
  ruleId: Type.String(),
  restrictions: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('hidden'), Type.Literal('warned'), Type.Literal('listing_barred'), Type.Literal('closed')]),
      days: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    }),
  ),
});

const ReviewRuleIds = Type.Object({
  window: Type.String(),
  revision: Type.String(),
  explanation: Type.String(),
  followUpReview: Type.String(),
  text: Type.String(),
});

const ReviewFollowUpRules = Type.Object({
  firstContactHours: Type.Number({ exclusiveMinimum: 0 }),
  resolveHours: Type.Number({ exclusiveMinimum: 0 }),
  goodwillApprovalAboveMinor: Type.Integer({ minimum: 0 }),
  ruleIds: Type.Object({ firstContact: Type.String(), resolution: Type.String(), goodwillApproval: Type.String() }),
});
export type ReviewFollowUpRulebook = Static<typeof ReviewFollowUpRules>;

/** One moderation rule: a text matching any of its patterns (JS regex sources, compiled with `flags`) is held. */
const ModerationRule = Type.Object({
  ruleId: Type.String({ pattern: '^moderation\\.[a-z_]+\\.[a-z0-9_]+$' }),
  category: Type.Union(ModerationCategories.map((category) => Type.Literal(category))),
  description: Type.String(),
  patterns: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  flags: Type.String({ pattern: '^[dgimsuvy]*$' }),
});
export type ModerationRule = Static<typeof ModerationRule>;
const ModerationRules = Type.Object({ rules: Type.Array(ModerationRule) });
/** The rulebook's moderation section. */
export type ModerationRulebook = Static<typeof ModerationRules>;

/** Policy parameters: data, not code. Every decision that uses one records `version`. */
export const RulebookSchema = Type.Object({
  version: Type.String(),
  effectiveFrom: Type.String({ format: 'date-time' }),
  description: Type.String(),
  order: Type.Object({
    paymentReminderAfterHours: Type.Number({ exclusiveMinimum: 0 }),
    unpaidAutoCloseHours: Type.Number({ exclusiveMinimum: 0 }),
    shipWithinHours: Type.Number({ exclusiveMinimum: 0 }),
    autoConfirmReceiptDays: Type.Number({ exclusiveMinimum: 0 }),
  }),
  logistics: Type.Object({
    trackingExpiredAfterDays: Type.Number({ exclusiveMinimum: 0 }),
    /** How far ahead of the platform's clock a carrier scan may be dated (since 2026-12-v3; before it, no such rule). */
    carrierClockSkewMinutes: Type.Optional(Type.Number({ minimum: 0 })),
  }),
  refund: Type.Object({
    merchantResponseDays: Type.Number(),
    buyerReturnShipDays: Type.Number(),
    merchantConfirmReturnDays: Type.Number(),
    escalateAfterRejectionDays: Type.Number(),
    noReasonReturnDays: Type.Number(),
    noReasonExcludedCategories: Type.Array(Type.String()),
  }),
  compensation: Type.Object({
    lateShipment: Type.Object({ ruleId: Type.String(), percentOfPaid: Type.Number(), capMinor: Type.Integer() }),
    counterfeit: Type.Object({ ruleId: Type.String(), multipleOfGoodsPrice: Type.Number() }),
    notAsDescribed: Type.Object({
      ruleId: Type.String(),
      percentOfItemPrice: Type.Number(),
      capMinor: Type.Integer(),
      complainWithinDaysAfterCompletion: Type.Number(),
    }),
    outOfStock: Type.Object({ ruleId: Type.String(), percentOfGoodsPrice: Type.Number(), capMinor: Type.Integer() }),
    /** Remedies an agent proposes (goodwill credit…): the agent names the amount, the rulebook bounds it. */
    goodwill: Type.Object({ ruleId: Type.String(), maxMinor: Type.Integer() }),
    supervisorApprovalAboveMinor: Type.Integer(),
  }),
  review: Type.Object({
    windowDays: Type.Number(),
    reviseWithinDays: Type.Number(),
    /** Since 2026-12-v5: the shop's explanation and the buyer's follow-up review windows, the text limit, the rule ids. */
    explanationWithinDays: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    followUpReviewWithinDays: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    textMaxLength: Type.Optional(Type.Integer({ minimum: 1 })),
    ruleIds: Type.Optional(ReviewRuleIds),
  }),
  /** Since 2026-12-v5: the bad-review follow-up's deadlines and who approves a goodwill credit. */
  reviewFollowUp: Type.Optional(ReviewFollowUpRules),
  /** Since 2026-12-v5: the rules that hold a review text for the platform (first rule whose pattern matches). */
  moderation: Type.Optional(ModerationRules),
  penalty: Type.Object({
    hiddenAtPoints: Type.Integer(),
    closedAtPoints: Type.Integer(),
    /** Since 2026-12-v4: points per violation type and what each threshold does to the shop. */
    ruleId: Type.Optional(Type.String()),
    resetsEachCalendarYear: Type.Optional(Type.Boolean()),
    pointsPerViolation: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0 }))),
    thresholds: Type.Optional(Type.Array(PenaltyThreshold)),
  }),
  /** Since 2026-12-v4: the deadlines of complaint and dispute cases. */
  dispute: Type.Optional(
    Type.Object({
      firstResponse: Type.Object({ ruleId: Type.String(), withinHours: Type.Number({ exclusiveMinimum: 0 }) }),
      /** The resolution clock stops while the case waits on the buyer. */
      resolution: Type.Object({ ruleId: Type.String(), withinHours: Type.Number({ exclusiveMinimum: 0 }) }),
      awaitingBuyer: Type.Object({ ruleId: Type.String(), closeAfterDays: Type.Number({ exclusiveMinimum: 0 }) }),
      evidence: Type.Object({ ruleId: Type.String(), defaultDueInHours: Type.Number({ exclusiveMinimum: 0 }) }),
      appeal: Type.Object({
        ruleId: Type.String(),
        withinDays: Type.Number({ exclusiveMinimum: 0 }),
        maxAppeals: Type.Integer({ minimum: 0 }),
      }),
      remedyApproval: Type.Object({ ruleId: Type.String(), supervisorApprovalAboveMinor: Type.Integer({ minimum: 0 }) }),
    }),
  ),
});
export type Rulebook = Static<typeof RulebookSchema>;

/** Every published rulebook version, oldest first; decisions look up the version they recorded. */
export const rulebooks: readonly Rulebook[] = [v1 as Rulebook, v3 as Rulebook, v4 as Rulebook, v5 as Rulebook];
export const currentRulebook = (): Rulebook => rulebooks[rulebooks.length - 1];
export const rulebookVersion = (version: string): Rulebook | undefined => rulebooks.find((r) => r.version === version);

/** Proposed versions, not in force: no decision uses them; what-if replays show what they would change. */
export const draftRulebooks: readonly Rulebook[] = [v2 as Rulebook];
/** A published or draft version, for what-if replays. */
export const publishedOrDraftRulebook = (version: string): Rulebook | undefined =>
  rulebookVersion(version) ?? draftRulebooks.find((r) => r.version === version);
