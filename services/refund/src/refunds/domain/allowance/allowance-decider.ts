import type { RefundEvent } from '@aftersales/contracts';
import { DomainError, invalid, ruleViolation, type Decider } from '@aftersales/kernel';
import { refundEvent } from '../decide-support';
import { RefundRules } from '../refund-rules';
import type { AllowanceCommand, ReleaseReservation, ReserveRefund, SettleRefund } from './allowance-commands';
import { initialAllowanceState, refundableOf, type AllowanceState, type RefundAllowance } from './allowance-state';

export type AllowanceDecider = Decider<AllowanceCommand, AllowanceState, RefundEvent>;

function reserve(command: ReserveRefund, current: AllowanceState): RefundEvent[] {
  if (!Number.isSafeInteger(command.amount) || command.amount < 1) {
    throw invalid('the amount to reserve is invalid', [{ field: '/amount', message: 'must be an integer ≥ 1 (minor units)' }]);
  }
  const opened = current === null ? openedBy(command) : [];
  const state = opened.reduce(evolve, current) as RefundAllowance;
  const held = state.reservations[command.refundId];
  if (held === command.amount) return [];
  if (held !== undefined || command.refundId in state.settled || state.released.includes(command.refundId)) {
    throw new DomainError('conflict', RefundRules.alreadyRequested, `refund ${command.refundId} already used the allowance`, {
      refundId: command.refundId,
    });
  }
  const refundable = refundableOf(state);
  if (command.amount > refundable) {
    throw ruleViolation(RefundRules.amountExceedsRefundable, `at most ${refundable} can still be refunded on order ${command.orderId}`, {
      requested: command.amount,
      refundable,
      paidAmount: state.paidAmount,
      reservedTotal: state.reservedTotal,
      refundedTotal: state.refundedTotal,
    });
  }
  return [
    ...opened,
    refundEvent('RefundAllowanceReserved', {
      orderId: state.orderId,
      refundId: command.refundId,
      amount: command.amount,
      refundableBefore: refundable,
      reservedTotal: state.reservedTotal + command.amount,
      refundedTotal: state.refundedTotal,
      paidAmount: state.paidAmount,
      currency: state.currency,
      reservedAt: command.at,
    }),
  ];
}

/** The first reservation of an order records its payment (what the order topic reported): from then on the stream's own record counts. */
function openedBy(command: ReserveRefund): RefundEvent[] {
  const payment = command.payment;
  if (!payment || payment.paidAmount <= 0) {
    throw ruleViolation(RefundRules.orderNotPaid, `order ${command.orderId} has no recorded payment to refund`, {
      orderId: command.orderId,
    });
  }
  return [
    refundEvent('RefundAllowanceOpened', {
      orderId: command.orderId,
      shopId: payment.shopId,
      paidAmount: payment.paidAmount,
      currency: payment.currency,
      sourceEventId: payment.sourceEventId,
      openedAt: command.at,
    }),
  ];
}

function release(command: ReleaseReservation, state: AllowanceState): RefundEvent[] {
  const held = state?.reservations[command.refundId];
  if (state === null || held === undefined) return [];
  return [
    refundEvent('RefundAllowanceReleased', {
      orderId: state.orderId,
      refundId: command.refundId,
      amount: held,
      reason: command.reason,
      reservedTotal: state.reservedTotal - held,
      sourceEventId: command.sourceEventId,
      releasedAt: command.at,
    }),
  ];
}

/** A payment is a fact: it is recorded even without a reservation; a second report of the same refund changes nothing. */
function settle(command: SettleRefund, state: AllowanceState): RefundEvent[] {
  if (state === null) {
    throw new DomainError(
      'conflict',
      'refund.allowance_missing',
      `refund ${command.refundId} was paid on order ${command.orderId}, which has no allowance`,
    );
  }
  if (command.refundId in state.settled) return [];
  const held = state.reservations[command.refundId] ?? 0;
  const refundedTotal = state.refundedTotal + command.amount;
  return [
    refundEvent('RefundAllowanceSettled', {
      orderId: state.orderId,
      refundId: command.refundId,
      amount: command.amount,
      payoutId: command.payoutId,
      refundedTotal,
      reservedTotal: state.reservedTotal - held,
      paidAmount: state.paidAmount,
      refundedInFull: refundedTotal >= state.paidAmount,
      currency: state.currency,
      sourceEventId: command.sourceEventId,
      settledAt: command.at,
    }),
  ];
}

function evolve(state: AllowanceState, event: RefundEvent): AllowanceState {
  switch (event.type) {
    case 'RefundAllowanceOpened': {
      const { orderId, shopId, currency, paidAmount } = event.data;
      return { orderId, shopId, currency, paidAmount, reservations: {}, settled: {}, released: [], reservedTotal: 0, refundedTotal: 0 };
    }
    case 'RefundAllowanceReserved':
      return withState(state, (s) => ({
        ...s,
        reservations: { ...s.reservations, [event.data.refundId]: event.data.amount },
        reservedTotal: s.reservedTotal + event.data.amount,
      }));
    case 'RefundAllowanceReleased':
      return withState(state, (s) => {
        const { [event.data.refundId]: held = 0, ...reservations } = s.reservations;
        // A request that was never recorded never existed: its id may reserve again (a retry under the same
        // Idempotency-Key); a cancelled or closed request's id may not.
        const released = event.data.reason === 'request_not_recorded' ? s.released : [...s.released, event.data.refundId];
        return { ...s, reservations, reservedTotal: s.reservedTotal - held, released };
      });
    case 'RefundAllowanceSettled':
      return withState(state, (s) => {
        const { [event.data.refundId]: held = 0, ...reservations } = s.reservations;
        return {
          ...s,
          reservations,
          reservedTotal: s.reservedTotal - held,
          settled: { ...s.settled, [event.data.refundId]: event.data.amount },
          refundedTotal: s.refundedTotal + event.data.amount,
        };
      });
    default:
      return state;
  }
}

const withState = (state: AllowanceState, change: (s: RefundAllowance) => RefundAllowance): AllowanceState =>
  state === null ? state : change(state);

/** The order-level refund allowance: never more reserved and refunded than paid, whatever the concurrency. */
export const allowanceDecider: AllowanceDecider = {
  initialState: initialAllowanceState,
  evolve,
  decide(command, state) {
    switch (command.type) {
      case 'ReserveRefund':
        return reserve(command, state);
      case 'ReleaseReservation':
        return release(command, state);
      case 'ReleaseOrphanReservation':
        return command.requestRecorded ? [] : release({ ...command, type: 'ReleaseReservation', reason: 'request_not_recorded' }, state);
      case 'SettleRefund':
        return settle(command, state);
    }
  },
};

export const allowanceStreamId = (orderId: string): string => `refund-allowance-${orderId}`;
