import type { Refunds } from './refunds.types';
import type { RefundHandlers } from './refund-handlers';
import { disputeIdOf, replacementOrderIdOf } from './refund-ids';

/** The commands on one refund's stream after the request: each answers once the `refunds` read model shows it. */
export function refundCommands(
  h: RefundHandlers,
): Pick<Refunds, 'approveRefund' | 'approveByPlatformRuling' | 'rejectRefund' | 'shipReturn' | 'confirmReturnReceipt' | 'cancelRefund' | 'escalateRefund'> {
  const command: RefundHandlers['runRefund'] = async (refundId, input, ctx) => h.readYourWrites(await h.runRefund(refundId, input, ctx));
  return {
    approveRefund: (refundId, input, ctx) => command(refundId, { type: 'ApproveRefund', refundId, approval: 'merchant', ...input }, ctx),
    approveByPlatformRuling: (refundId, input, ctx) =>
      command(refundId, { type: 'ApproveRefund', refundId, approval: 'platform_ruling', ...input }, ctx),
    rejectRefund: (refundId, input, ctx) =>
      command(refundId, { type: 'RejectRefund', refundId, reason: input.reason, evidence: input.evidence ?? [] }, ctx),
    shipReturn: (refundId, input, ctx) => command(refundId, { type: 'ShipReturn', refundId, ...input }, ctx),
    confirmReturnReceipt: (refundId, input, ctx) =>
      command(refundId, { type: 'ConfirmReturnReceipt', refundId, ...input, replacementOrderId: replacementOrderIdOf(refundId) }, ctx),
    cancelRefund: (refundId, input, ctx) => command(refundId, { type: 'CancelRefund', refundId, ...input }, ctx),
    escalateRefund: (refundId, input, ctx) =>
      command(
        refundId,
        {
          type: 'EscalateRefund',
          refundId,
          description: input.description,
          evidence: input.evidence ?? [],
          disputeId: disputeIdOf(refundId),
        },
        ctx,
      ),
  };
}
