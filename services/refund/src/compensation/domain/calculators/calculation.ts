import type { CompensationInput, CompensationKind, RefundItem, RuleRef } from '@aftersales/contracts';

/** What is asked: the kind, and for item-based rules which lines (default: the whole order), for goodwill the amount. */
export type CompensationClaim =
  | { kind: 'late_shipment' }
  | { kind: 'counterfeit' | 'not_as_described' | 'out_of_stock'; items?: RefundItem[] }
  | { kind: 'goodwill'; proposedAmount: number };

export type ClaimKind = CompensationClaim['kind'];
export const CLAIM_KINDS: readonly ClaimKind[] = ['late_shipment', 'counterfeit', 'not_as_described', 'out_of_stock', 'goodwill'];

/** A computed compensation: everything CompensationDecided records about the computation. */
export interface CompensationCalculation {
  kind: CompensationKind;
  rule: RuleRef;
  basedOn: string[];
  inputs: CompensationInput[];
  explanation: string;
  amount: number;
  currency: string;
  shopId: string;
  buyerId: string;
  requiresSupervisorApproval: boolean;
  approvalThreshold: number;
}
