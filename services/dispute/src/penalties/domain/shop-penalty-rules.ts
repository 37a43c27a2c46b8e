import type { Rulebook, ShopRestrictionKind, ViolationType } from '@aftersales/contracts';
import { ruleViolation } from '@aftersales/kernel';

export const PENALTY_RULES = {
  /** A rulebook without points per violation (before 2026-12-v4) cannot assess. */
  noPointsTable: 'penalty.no_points_table',
  unknownViolation: 'penalty.unknown_violation',
  yearMismatch: 'penalty.wrong_year',
  /** An appeal ruling that no longer finds a violation revokes the points of its assessment. */
  revokedOnAppeal: 'penalty.revoked_on_appeal',
} as const;

export interface PenaltyThreshold {
  atPoints: number;
  ruleId: string;
  restrictions: { kind: ShopRestrictionKind; days?: number }[];
}

/** The rule id an assessment records: the rulebook's `penalty.ruleId`. */
export const pointsRuleIdOf = (rulebook: Rulebook): string => rulebook.penalty.ruleId ?? 'penalty.points';

/** Points a violation costs in this rulebook; refuses a rulebook without a table or a type it does not list. */
export function pointsFor(rulebook: Rulebook, violation: ViolationType): number {
  const table = rulebook.penalty.pointsPerViolation;
  if (!table) throw ruleViolation(PENALTY_RULES.noPointsTable, `rulebook ${rulebook.version} has no penalty points per violation`);
  const points = table[violation];
  if (points === undefined) {
    throw ruleViolation(PENALTY_RULES.unknownViolation, `rulebook ${rulebook.version} gives no points for ${violation}`, { violation });
  }
  return points;
}

/**
 * The threshold an assessment from `previous` to `total` points reaches: the highest one crossed, whose restrictions
 * supersede those of the lower ones crossed by the same assessment (0 → 48 closes the shop, nothing else).
 */
export function thresholdReached(rulebook: Rulebook, previous: number, total: number): PenaltyThreshold | undefined {
  const crossed = (rulebook.penalty.thresholds ?? []).filter((t) => previous < t.atPoints && t.atPoints <= total);
  return crossed.sort((a, b) => b.atPoints - a.atPoints)[0] as PenaltyThreshold | undefined;
}

/** Points count per calendar year (UTC): the year of an instant, and the instant its points reset. */
export const penaltyYearOf = (at: string): number => new Date(at).getUTCFullYear();
export const pointsResetAt = (year: number): string => new Date(Date.UTC(year + 1, 0, 1)).toISOString();

/** One assessment per order and violation type: a ruling on appeal or a redelivered cause meets the first one. */
export const assessmentIdOf = (orderId: string, violation: ViolationType): string => `pts_${orderId}_${violation}`;
