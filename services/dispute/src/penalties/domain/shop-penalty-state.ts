import type { ShopRestrictionKind, ViolationType } from '@aftersales/contracts';

export interface ActiveRestriction {
  kind: ShopRestrictionKind;
  from: string;
  until?: string;
  orderId: string;
  /** The threshold that imposed it. */
  atPoints: number;
}

/** What the stream remembers of an assessment, to revoke it when an appeal reverses its finding. */
export interface AssessmentRecord {
  assessmentId: string;
  orderId: string;
  violation: ViolationType;
  points: number;
  disputeId?: string;
  rulingId?: string;
  rulebookVersion: string;
  basedOn: string[];
  revoked: boolean;
}

/** A shop's points in one calendar year (stream `shop-penalty-<shopId>-<year>`). */
export interface ShopPenaltyState {
  shopId?: string;
  year?: number;
  totalPoints: number;
  /** Ids of the assessments made: one per order and violation type. */
  assessmentIds: string[];
  /** The assessments made, in order, revoked ones marked. */
  assessments: AssessmentRecord[];
  /** Restrictions in force. */
  active: ActiveRestriction[];
}

export const initialShopPenaltyState: ShopPenaltyState = { totalPoints: 0, assessmentIds: [], assessments: [], active: [] };
