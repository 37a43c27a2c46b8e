import type { RefundEvent, RefundItem, Rulebook } from '@aftersales/contracts';
import { addDays, illegalTransition, invalid, ruleViolation } from '@aftersales/kernel';
import { refundEvent } from './decide-support';
import { noReasonEligibility, noReasonRefusal } from './no-reason-eligibility';
import { wholeOrder, type OrderFacts } from './order-facts';
import type { RequestRefund } from './refund-commands';
import { isMoneyType, reasonsByType, RefundRules } from './refund-rules';
import type { RefundState } from './refund-state';

type FieldError = { field: string; message: string };

const shippedStatuses = new Set(['shipped', 'delivered', 'completed']);

/**
 * A buyer's request on a paid order. Refusals change nothing: 400 for input that cannot be right, 422 naming the rule
 * for a request the rules refuse (type and reason, paid amount, goods not shipped yet, 7-day no-reason eligibility).
 */
export function decideRequestRefund(command: RequestRefund, state: RefundState, rulebook: Rulebook): RefundEvent[] {
  if (state !== null) throw illegalTransition('requesting the refund again', state.status, RefundRules.alreadyRequested);
  const { order, refundType: type, reason } = command;
  requireValidInput(command);
  if (!reasonsByType[type].includes(reason)) {
    throw ruleViolation(RefundRules.reasonNotAllowedForType, `a ${type} request cannot have the reason ${reason}`, {
      type,
      reason,
      allowedReasons: reasonsByType[type],
    });
  }
  if (isMoneyType(type)) requireRefundable(command);
  if (type !== 'refund_only' && !shippedStatuses.has(order.status)) {
    throw ruleViolation(RefundRules.goodsNotShipped, `a ${type} request needs goods that were shipped; the order is ${order.status}`, {
      orderStatus: order.status,
    });
  }
  const eligibility =
    reason === 'no_reason_7d'
      ? noReasonEligibility(order, command.items, command.goodsCondition ?? 'intact', command.at, rulebook)
      : undefined;
  if (eligibility && !eligibility.eligible) throw noReasonRefusal(eligibility);

  // exchanges and reissues send goods: their lines are always explicit
  const items: RefundItem[] | undefined = command.items ?? (isMoneyType(type) ? undefined : wholeOrder(order));
  const requested = refundEvent('RefundRequested', {
    refundId: command.refundId,
    orderId: order.orderId,
    shopId: order.shopId,
    buyerId: order.buyerId,
    type,
    reason,
    amount: command.amount,
    currency: order.currency,
    refundableAmount: command.refundableAmount,
    items,
    description: command.description,
    evidence: command.evidence,
    requestedAt: command.at,
    merchantRespondBy: addDays(command.at, rulebook.refund.merchantResponseDays),
    rulebookVersion: rulebook.version,
  });
  if (!eligibility) return [requested];
  return [
    requested,
    refundEvent('NoReasonReturnEligibilityDecided', {
      refundId: command.refundId,
      orderId: order.orderId,
      eligible: true,
      grounds: eligibility.grounds,
      receivedAt: eligibility.receivedAt,
      windowEndsAt: eligibility.windowEndsAt,
      excludedCategories: eligibility.excludedCategories,
      rule: eligibility.rule,
      decidedAt: command.at,
    }),
  ];
}

function requireValidInput(command: RequestRefund): void {
  const errors: FieldError[] = [];
  if (!Number.isSafeInteger(command.amount) || command.amount < 0) {
    errors.push({ field: '/amount', message: 'must be an integer ≥ 0 (minor units)' });
  } else if (isMoneyType(command.refundType) && command.amount === 0) {
    errors.push({ field: '/amount', message: `a ${command.refundType} request asks for at least 1 (minor unit)` });
  } else if (!isMoneyType(command.refundType) && command.amount !== 0) {
    errors.push({ field: '/amount', message: `a ${command.refundType} request moves no money: the amount is 0` });
  }
  errors.push(...itemErrors(command.order, command.items));
  if (errors.length > 0) throw invalid('the refund request is invalid', errors);
}

function itemErrors(order: OrderFacts, items: RefundItem[] | undefined): FieldError[] {
  if (items === undefined) return [];
  if (items.length === 0) return [{ field: '/items', message: 'list the concerned lines, or leave items out for the whole order' }];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const line = order.items.find((l) => l.sku === item.sku);
    if (seen.has(item.sku)) errors.push({ field: `/items/${i}/sku`, message: `sku ${item.sku} appears twice` });
    seen.add(item.sku);
    if (!line) errors.push({ field: `/items/${i}/sku`, message: `order ${order.orderId} has no line ${item.sku}` });
    else if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > line.quantity) {
      errors.push({ field: `/items/${i}/quantity`, message: `must be between 1 and ${line.quantity}, the quantity ordered` });
    }
  });
  return errors;
}

function requireRefundable(command: RequestRefund): void {
  if (command.order.paidAmount === 0) {
    throw ruleViolation(RefundRules.orderNotPaid, `order ${command.order.orderId} has nothing paid to refund`, {
      orderStatus: command.order.status,
      paymentMethod: command.order.paymentMethod,
    });
  }
  if (command.amount > command.refundableAmount) {
    throw ruleViolation(
      RefundRules.amountExceedsRefundable,
      `at most ${command.refundableAmount} can still be refunded on order ${command.order.orderId}`,
      { requested: command.amount, refundable: command.refundableAmount, paidAmount: command.order.paidAmount },
    );
  }
}
