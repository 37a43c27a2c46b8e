import type { ShopRestrictionKind, ViolationType } from '@aftersales/contracts';

/** Every command names the shop and the calendar year of its stream, and carries `at`, the business time (from the clock port). */
interface ShopPenaltyCommandBase<T extends string> {
  type: T;
  shopId: string;
  year: number;
  at: string;
}

/** A violation established by an event of another part of the platform (a ruling, a compensation decision). */
export interface AssessViolation extends ShopPenaltyCommandBase<'AssessViolation'> {
  orderId: string;
  violation: ViolationType;
  disputeId?: string;
  rulingId?: string;
  compensationId?: string;
  /** The events that established the violation. */
  basedOn: string[];
}

/** A durable timer ends a restriction: when its days ran out, or at the reset of the year's points. */
export interface LiftRestriction extends ShopPenaltyCommandBase<'LiftRestriction'> {
  kind: ShopRestrictionKind;
  restrictionFrom: string;
  reason: 'expired' | 'points_reset';
}

/**
 * A ruling on appeal decided the case again: the case's assessments of a violation it no longer finds against the shop
 * are revoked. The case's assessments are found in the stream's state, so the first ruling need not be re-read.
 */
export interface RevokeAssessment extends ShopPenaltyCommandBase<'RevokeAssessment'> {
  orderId: string;
  disputeId: string;
  /** The ruling on appeal. */
  rulingId: string;
  /** The violation the appeal ruling still finds against the shop, if any: its assessment stands. */
  stillFound?: ViolationType;
  /** The appeal ruling event. */
  basedOn: string[];
}

export type ShopPenaltyCommand = AssessViolation | LiftRestriction | RevokeAssessment;
export type ShopPenaltyTimerCommand = LiftRestriction;
