import type { ShopRestrictionKind, ViolationType } from '@aftersales/contracts';

export const PENALTY_POINTS_COLLECTION = 'shop_penalty_points';

export const penaltyPointsDocumentId = (shopId: string, year: number): string => `${shopId}:${year}`;

/** One assessed violation, as GET /shops/{shopId}/penalty-points lists it. */
export interface PenaltyViolationView {
  id: string;
  type: ViolationType;
  points: number;
  at: string;
  orderId: string;
  disputeId?: string;
  basedOn: string[];
  rule: { id: string; version: string };
  /** Set when a ruling on appeal reversed the finding: the points no longer count in the total. */
  revoked?: { at: string; rulingId: string; basedOn: string[] };
}

export interface PenaltyRestrictionView {
  kind: ShopRestrictionKind;
  from: string;
  until?: string;
}

/** GET /shops/{shopId}/penalty-points?year: the shop's points in a calendar year and the restrictions in force. */
export interface PenaltyPointsView {
  shopId: string;
  year: number;
  points: number;
  restrictions: PenaltyRestrictionView[];
  violations: PenaltyViolationView[];
}

export type PenaltyPointsDocument = PenaltyPointsView & { id: string; revision: number; [field: string]: unknown };

/** A shop without points in a year: nothing assessed, nothing in force. */
export const noPenaltyPoints = (shopId: string, year: number): PenaltyPointsView => ({ shopId, year, points: 0, restrictions: [], violations: [] });

export const penaltyPointsView = ({ shopId, year, points, restrictions, violations }: PenaltyPointsView): PenaltyPointsView => ({
  shopId,
  year,
  points,
  restrictions,
  violations,
});
