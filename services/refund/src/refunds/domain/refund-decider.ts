import { currentRulebook, type RefundEvent, type Rulebook } from '@aftersales/contracts';
import type { Decider } from '@aftersales/kernel';
import { decideApproveRefund, decideAutoApproveRefund, decideRejectRefund } from './decide-answer';
import {
  decideCancelRefund,
  decideCloseUnescalatedRefund,
  decideEscalateRefund,
  decideRecordRefundPaid,
  decideRecordReissueDispatched,
} from './decide-ending';
import { decideOpenDisputeRefund, decideResolveByDispute } from './decide-dispute';
import { decideOpenFollowUpRefund } from './decide-follow-up';
import { decideRequestRefund } from './decide-request';
import { decideAutoConfirmReturn, decideCloseUnshippedReturn, decideConfirmReturnReceipt, decideShipReturn } from './decide-return';
import { evolveRefund } from './evolve-refund';
import type { RefundCommand } from './refund-commands';
import { initialRefundState, type RefundState } from './refund-state';

export type RefundDecider = Decider<RefundCommand, RefundState, RefundEvent>;

/** The refund aggregate (stream `refund-<refundId>`) under one rulebook: deadlines use its numbers and record its version. */
export function makeRefundDecider(rulebook: Rulebook): RefundDecider {
  return {
    initialState: initialRefundState,
    evolve: evolveRefund,
    decide(command, state) {
      switch (command.type) {
        case 'RequestRefund':
          return decideRequestRefund(command, state, rulebook);
        case 'ApproveRefund':
          return decideApproveRefund(command, state, rulebook);
        case 'AutoApproveRefund':
          return decideAutoApproveRefund(command, state, rulebook);
        case 'RejectRefund':
          return decideRejectRefund(command, state, rulebook);
        case 'ShipReturn':
          return decideShipReturn(command, state, rulebook);
        case 'ConfirmReturnReceipt':
          return decideConfirmReturnReceipt(command, state, rulebook);
        case 'AutoConfirmReturn':
          return decideAutoConfirmReturn(command, state);
        case 'CloseUnshippedReturn':
          return decideCloseUnshippedReturn(command, state);
        case 'CancelRefund':
          return decideCancelRefund(command, state);
        case 'EscalateRefund':
          return decideEscalateRefund(command, state);
        case 'CloseUnescalatedRefund':
          return decideCloseUnescalatedRefund(command, state);
        case 'RecordRefundPaid':
          return decideRecordRefundPaid(command, state);
        case 'RecordReissueDispatched':
          return decideRecordReissueDispatched(command, state);
        case 'ResolveByDispute':
          return decideResolveByDispute(command, state, rulebook);
        case 'OpenDisputeRefund':
          return decideOpenDisputeRefund(command, state, rulebook);
        case 'OpenFollowUpRefund':
          return decideOpenFollowUpRefund(command, state, rulebook);
      }
    },
  };
}

/** The refund decider under the current rulebook. */
export const refundDecider: RefundDecider = makeRefundDecider(currentRulebook());
