import fc from 'fast-check';
import type { RefundEvent } from '@aftersales/contracts';
import { DomainError, fold } from '@aftersales/kernel';
import { RefundRules } from '../refund-rules';
import type { AllowanceCommand, ReserveRefund } from './allowance-commands';
import { allowanceDecider } from './allowance-decider';
import { refundableOf, type AllowanceState } from './allowance-state';

const ORDER = 'ord_a1';
const AT = '2026-11-06T08:00:00.000Z';
const payment = (paidAmount = 10_000) => ({ shopId: 'shop-1', paidAmount, currency: 'CNY', sourceEventId: 'evt-paid' });
/** Every request carries what the order topic reported as paid; only the first one opens the allowance with it. */
const reserve = (refundId: string, amount: number, paid = 10_000): ReserveRefund => ({
  type: 'ReserveRefund',
  orderId: ORDER,
  refundId,
  amount,
  payment: payment(paid),
  at: AT,
});
const release = (refundId: string): AllowanceCommand => ({
  type: 'ReleaseReservation',
  orderId: ORDER,
  refundId,
  reason: 'request_cancelled',
  at: AT,
});
const settle = (refundId: string, amount: number): AllowanceCommand => ({
  type: 'SettleRefund',
  orderId: ORDER,
  refundId,
  amount,
  payoutId: `pay_refund_${refundId}`,
  sourceEventId: `evt-paid-${refundId}`,
  at: AT,
});

function given(history: AllowanceCommand[]) {
  let state: AllowanceState = allowanceDecider.initialState;
  for (const command of history) state = fold(allowanceDecider, state, allowanceDecider.decide(command, state));
  return {
    state,
    when: (command: AllowanceCommand): RefundEvent[] => allowanceDecider.decide(command, state),
    refused(command: AllowanceCommand): DomainError {
      try {
        allowanceDecider.decide(command, state);
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
      throw new Error('expected a refusal');
    },
  };
}

describe('refund allowance decider', () => {
  it('given a paid order, when the first refund reserves part of it, then the allowance opens with the payment and records the reservation', () => {
    expect(given([]).when(reserve('r1', 4_000))).toEqual([
      {
        type: 'RefundAllowanceOpened',
        data: { orderId: ORDER, shopId: 'shop-1', paidAmount: 10_000, currency: 'CNY', sourceEventId: 'evt-paid', openedAt: AT },
      },
      {
        type: 'RefundAllowanceReserved',
        data: {
          orderId: ORDER,
          refundId: 'r1',
          amount: 4_000,
          refundableBefore: 10_000,
          reservedTotal: 4_000,
          refundedTotal: 0,
          paidAmount: 10_000,
          currency: 'CNY',
          reservedAt: AT,
        },
      },
    ]);
  });

  it('given an open allowance, when a later request reports another payment, then the recorded payment counts', () => {
    const error = given([reserve('r1', 4_000)]).refused(reserve('r2', 7_000, 50_000));
    expect(error).toMatchObject({ code: RefundRules.amountExceedsRefundable, details: { refundable: 6_000, paidAmount: 10_000 } });
  });

  it('given reservations of 7 000 out of 10 000, when 3 001 more is asked, then 422 naming what is refundable', () => {
    const error = given([reserve('r1', 7_000)]).refused(reserve('r2', 3_001));
    expect(error).toMatchObject({
      kind: 'rule',
      code: RefundRules.amountExceedsRefundable,
      details: { refundable: 3_000, requested: 3_001 },
    });
  });

  it('given a released reservation, when another refund asks, then the released amount is available again', () => {
    const { state, when } = given([reserve('r1', 7_000), release('r1')]);
    expect(refundableOf(state)).toBe(10_000);
    expect(when(reserve('r2', 10_000))).toHaveLength(1);
  });

  it('given a refund paid in full, when it settles, then refundedInFull and nothing more can be reserved', () => {
    const paid = given([reserve('r1', 10_000)]).when(settle('r1', 10_000));
    expect(paid[0].data).toMatchObject({ refundedTotal: 10_000, reservedTotal: 0, refundedInFull: true });
    expect(given([reserve('r1', 10_000), settle('r1', 10_000)]).refused(reserve('r2', 1))).toMatchObject({
      code: RefundRules.amountExceedsRefundable,
    });
  });

  it('given a partial refund paid, then refundedInFull is false', () => {
    const [event] = given([reserve('r1', 4_000)]).when(settle('r1', 4_000));
    expect(event.data).toMatchObject({ refundedTotal: 4_000, refundedInFull: false });
  });

  it('given the same reservation again (a retried request), then nothing new; a different amount for the same refund is 409', () => {
    const history = given([reserve('r1', 4_000)]);
    expect(history.when(reserve('r1', 4_000))).toEqual([]);
    expect(history.refused(reserve('r1', 5_000))).toMatchObject({ kind: 'conflict' });
  });

  it('given repeated releases and settlements, then each happens once', () => {
    expect(given([reserve('r1', 4_000), release('r1')]).when(release('r1'))).toEqual([]);
    expect(given([reserve('r1', 4_000), settle('r1', 4_000)]).when(settle('r1', 4_000))).toEqual([]);
  });

  it('given nothing paid, when a refund reserves, then 422 order not paid and the allowance stays closed', () => {
    expect(given([]).refused({ ...reserve('r1', 1), payment: undefined })).toMatchObject({ kind: 'rule', code: RefundRules.orderNotPaid });
    expect(given([]).refused(reserve('r1', 1, 0))).toMatchObject({ kind: 'rule', code: RefundRules.orderNotPaid });
  });

  it('given a reservation whose request was never recorded, when the orphan check fires, then it is released; a recorded one stays', () => {
    const history = given([reserve('r1', 4_000)]);
    const check = (requestRecorded: boolean): AllowanceCommand => ({
      type: 'ReleaseOrphanReservation',
      orderId: ORDER,
      refundId: 'r1',
      requestRecorded,
      at: AT,
    });
    expect(history.when(check(false))).toEqual([
      { type: 'RefundAllowanceReleased', data: expect.objectContaining({ refundId: 'r1', amount: 4_000, reason: 'request_not_recorded' }) },
    ]);
    expect(history.when(check(true))).toEqual([]);
  });
});

describe('refund allowance decider: property', () => {
  const command = fc.oneof(
    fc.record({
      kind: fc.constant('reserve' as const),
      refund: fc.integer({ min: 1, max: 6 }),
      amount: fc.integer({ min: 1, max: 6_000 }),
    }),
    fc.record({ kind: fc.constant('release' as const), refund: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constant('settle' as const), refund: fc.integer({ min: 1, max: 6 }) }),
  );

  it('whatever requests, releases and payments happen, reserved + refunded never exceeds what was paid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.array(command, { maxLength: 40 }), (paid, steps) => {
        let state = fold(allowanceDecider, allowanceDecider.initialState, allowanceDecider.decide(reserve('r0', 1, paid), null));
        for (const step of steps) {
          const refundId = `r${step.refund}`;
          const next: AllowanceCommand =
            step.kind === 'reserve'
              ? reserve(refundId, step.amount, paid)
              : step.kind === 'release'
                ? release(refundId)
                : settle(refundId, state?.reservations[refundId] ?? 0);
          if (next.type === 'SettleRefund' && next.amount === 0) continue; // only reserved refunds get paid
          try {
            state = fold(allowanceDecider, state, allowanceDecider.decide(next, state));
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          const s = state!;
          expect(s.reservedTotal + s.refundedTotal).toBeLessThanOrEqual(paid);
          expect(s.reservedTotal).toBe(Object.values(s.reservations).reduce((a, b) => a + b, 0));
          expect(s.refundedTotal).toBe(Object.values(s.settled).reduce((a, b) => a + b, 0));
        }
      }),
    );
  });
});
