import type { CompensationInput, CompensationKind } from '@aftersales/contracts';
import { withoutUndefined } from '@aftersales/kernel';
import type { CompensationState, CompensationStatus } from '../domain';

export const COMPENSATIONS_COLLECTION = 'compensations';

/** GET /compensations/{id}: the public shape (`rule: {id, version}`) plus what an agent or finance needs to act. */
export type CompensationView = {
  id: string;
  orderId: string;
  kind: CompensationKind;
  amount: number;
  currency: string;
  status: Exclude<CompensationStatus, 'none'>;
  rule: { id: string; version: string };
  basedOn: string[];
  explanation: string;
  inputs: CompensationInput[];
  requiresSupervisorApproval: boolean;
  approvalThreshold: number;
  shopId: string;
  buyerId: string;
  refundId?: string;
  disputeId?: string;
  note?: string;
  decidedAt: string;
  approval?: CompensationState['approval'];
  rejection?: CompensationState['rejection'];
  payoutId: string;
  paidAt?: string;
};

/** The view of a decided compensation; the payout id is known from the start (one payout per compensation). */
export function compensationView(state: CompensationState, payoutIdOf: (compensationId: string) => string): CompensationView {
  const d = state.decision;
  if (!d || state.status === 'none') throw new Error('no compensation decided');
  return {
    id: d.compensationId,
    orderId: d.orderId,
    kind: d.kind,
    amount: d.amount,
    currency: d.currency,
    status: state.status,
    rule: { id: d.rule.ruleId, version: d.rule.rulebookVersion },
    basedOn: d.basedOn,
    explanation: d.explanation,
    inputs: d.inputs,
    requiresSupervisorApproval: d.requiresSupervisorApproval,
    approvalThreshold: d.approvalThreshold,
    shopId: d.shopId,
    buyerId: d.buyerId,
    ...(d.refundId ? { refundId: d.refundId } : {}),
    ...(d.disputeId ? { disputeId: d.disputeId } : {}),
    ...(d.note ? { note: d.note } : {}),
    decidedAt: d.decidedAt,
    ...(state.approval ? { approval: withoutUndefined(state.approval) } : {}),
    ...(state.rejection ? { rejection: state.rejection } : {}),
    payoutId: state.payout?.payoutId ?? payoutIdOf(d.compensationId),
    ...(state.payout ? { paidAt: state.payout.paidAt } : {}),
  };
}
