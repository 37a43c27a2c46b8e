import type { RefundEvent, Rulebook } from '@aftersales/contracts';
import { addDays, invalid, isAfter, isAtOrAfter, ruleViolation } from '@aftersales/kernel';
import { paymentAuthorized, rejection } from './decide-answer';
import { closeAtDeadline, refundEvent, requireRefund, requireStatus } from './decide-support';
import type { AutoConfirmReturn, CloseUnshippedReturn, ConfirmReturnReceipt, ShipReturn } from './refund-commands';
import { RefundRules } from './refund-rules';
import type { Refund, RefundState } from './refund-state';

/** The buyer hands the goods to a carrier before returnShipBy; the merchant then has merchantConfirmReturnDays to confirm. */
export function decideShipReturn(command: ShipReturn, state: RefundState, rulebook: Rulebook): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  if (refund.status === 'waiting_merchant_receipt' && sameParcel(refund, command)) return [];
  requireStatus(refund, 'shipping the return', 'waiting_buyer_return');
  const fields = [];
  if (command.carrier.trim() === '') fields.push({ field: '/carrier', message: 'must not be blank' });
  if (command.trackingNo.trim() === '') fields.push({ field: '/trackingNo', message: 'must not be blank' });
  if (fields.length > 0) throw invalid('carrier and tracking number are required', fields);
  const returnShipBy = refund.deadlines.returnShipBy as string;
  if (isAfter(command.at, returnShipBy)) {
    throw ruleViolation(RefundRules.returnShipDeadlinePassed, `the return had to be shipped by ${returnShipBy}`, { returnShipBy });
  }
  return [
    refundEvent('RefundReturnShipped', {
      refundId: refund.id,
      orderId: refund.orderId,
      carrier: command.carrier.trim(),
      trackingNo: command.trackingNo.trim(),
      shippedAt: command.at,
      merchantConfirmBy: addDays(command.at, rulebook.refund.merchantConfirmReturnDays),
      rulebookVersion: rulebook.version,
    }),
  ];
}

const sameParcel = (refund: Refund, command: ShipReturn): boolean =>
  refund.returnShipment?.carrier === command.carrier.trim() && refund.returnShipment?.trackingNo === command.trackingNo.trim();

/**
 * The merchant confirms the goods arrived (退货到货) and their condition. Then the refund is paid, or the exchange's
 * replacement order is created. A 7-day no-reason return that comes back not intact is rejected instead: the buyer
 * may escalate.
 */
export function decideConfirmReturnReceipt(command: ConfirmReturnReceipt, state: RefundState, rulebook: Rulebook): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  requireStatus(refund, 'confirming the returned goods', 'waiting_merchant_receipt');
  const received = refundEvent('RefundReturnReceived', {
    refundId: refund.id,
    orderId: refund.orderId,
    condition: command.condition,
    note: command.note,
    receivedAt: command.at,
  });
  if (refund.reason === 'no_reason_7d' && command.condition !== 'intact') {
    const reason = `The returned goods arrived ${command.condition.replace('_', ' ')}: a 7-day no-reason return needs them intact.`;
    return [received, rejection(refund, reason, [], command.at, rulebook)];
  }
  return [received, ...fulfilmentOfReturn(refund, 'return_received', command.at, command.replacementOrderId)];
}

/** The merchant did not confirm by merchantConfirmBy: the return counts as received, citing the rulebook that set the deadline. */
export function decideAutoConfirmReturn(command: AutoConfirmReturn, state: RefundState): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  const deadline = refund.deadlines.merchantConfirmBy;
  if (refund.status !== 'waiting_merchant_receipt' || !deadline || !isAtOrAfter(command.at, deadline)) return [];
  return fulfilmentOfReturn(
    refund,
    'return_confirm_timeout',
    command.at,
    command.replacementOrderId,
    refund.deadlineRulebooks.merchantConfirmBy,
  );
}

function fulfilmentOfReturn(
  refund: Refund,
  trigger: 'return_received' | 'return_confirm_timeout',
  at: string,
  replacementOrderId: string,
  rulebookVersion?: string,
): RefundEvent[] {
  if (refund.type !== 'exchange') return [paymentAuthorized(refund, trigger, at, rulebookVersion)];
  return [
    refundEvent('ExchangeReplacementOrderCreated', {
      refundId: refund.id,
      orderId: refund.orderId,
      replacementOrderId,
      items: refund.items ?? [],
      createdAt: at,
    }),
    refundEvent('RefundClosed', {
      refundId: refund.id,
      orderId: refund.orderId,
      reason: 'exchange_fulfilled',
      explanation:
        trigger === 'return_received'
          ? `Replacement order ${replacementOrderId} was created once the goods were confirmed.`
          : `The merchant did not confirm the return by ${refund.deadlines.merchantConfirmBy}; replacement order ${replacementOrderId} was created.`,
      closedAt: at,
      rulebookVersion,
    }),
  ];
}

/** The buyer did not ship the return by returnShipBy: the request closes. */
export function decideCloseUnshippedReturn(command: CloseUnshippedReturn, state: RefundState): RefundEvent[] {
  return closeAtDeadline(command, state, {
    status: 'waiting_buyer_return',
    deadline: 'returnShipBy',
    reason: 'buyer_return_timeout',
    explanation: (deadline) => `The return was not shipped by ${deadline}.`,
  });
}
