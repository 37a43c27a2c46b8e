import fc from 'fast-check';
import type { RefundEvent } from '@aftersales/contracts';
import { DomainError, fold } from '@aftersales/kernel';
import { deciderSpec, givenDecider } from '@aftersales/kernel/testing';
import { ALLOWANCE_AT as AT, ALLOWANCE_ORDER as ORDER, allowanceReleased, allowanceSettled, reservedOnce } from '../../testing/allowance-events';
import { RefundRules } from '../refund-rules';
import type { AllowanceCommand, ReserveRefund } from './allowance-commands';
import { allowanceDecider } from './allowance-decider';
import { refundableOf } from './allowance-state';

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

const spec = deciderSpec(allowanceDecider);

describe('refund allowance decider', () => {
  it('given a paid order, when the first refund reserves part of it, then the allowance opens with the payment and records the reservation', () => {
    spec.given([]).when(reserve('r1', 4_000)).then([
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
    const error = spec.given(reservedOnce('r1', 4_000)).when(reserve('r2', 7_000, 50_000)).thenRefuses(RefundRules.amountExceedsRefundable);
    expect(error).toMatchObject({ details: { refundable: 6_000, paidAmount: 10_000 } });
  });

  it('given reservations of 7 000 out of 10 000, when 3 001 more is asked, then 422 naming what is refundable', () => {
    const error = spec.given(reservedOnce('r1', 7_000)).when(reserve('r2', 3_001)).thenRefuses(RefundRules.amountExceedsRefundable);
    expect(error).toMatchObject({
      kind: 'rule',
      details: { refundable: 3_000, requested: 3_001 },
    });
  });

  it('given a released reservation, when another refund asks, then the released amount is available again', () => {
    const released = spec.given([...reservedOnce('r1', 7_000), allowanceReleased('r1', 7_000)]);
    expect(refundableOf(released.state)).toBe(10_000);
    expect(released.when(reserve('r2', 10_000)).decided().events).toHaveLength(1);
  });

  it('given a refund paid in full, when it settles, then refundedInFull and nothing more can be reserved', () => {
    const paid = spec.given(reservedOnce('r1', 10_000)).when(settle('r1', 10_000)).decided().events;
    expect(paid[0].data).toMatchObject({ refundedTotal: 10_000, reservedTotal: 0, refundedInFull: true });
    spec.given([...reservedOnce('r1', 10_000), allowanceSettled('r1', 10_000)]).when(reserve('r2', 1)).thenRefuses(RefundRules.amountExceedsRefundable);
  });

  it('given a partial refund paid, then refundedInFull is false', () => {
    const [event] = spec.given(reservedOnce('r1', 4_000)).when(settle('r1', 4_000)).decided().events;
    expect(event.data).toMatchObject({ refundedTotal: 4_000, refundedInFull: false });
  });

  it('given the same reservation again (a retried request), then nothing new; a different amount for the same refund is 409', () => {
    const reserved = spec.given(reservedOnce('r1', 4_000));
    reserved.when(reserve('r1', 4_000)).thenNothing();
    expect(reserved.when(reserve('r1', 5_000)).thenRefuses()).toMatchObject({ kind: 'conflict' });
  });

  it('given repeated releases and settlements, then each happens once', () => {
    spec.given([...reservedOnce('r1', 4_000), allowanceReleased('r1', 4_000)]).when(release('r1')).thenNothing();
    spec.given([...reservedOnce('r1', 4_000), allowanceSettled('r1', 4_000)]).when(settle('r1', 4_000)).thenNothing();
  });

  it('given nothing paid, when a refund reserves, then 422 order not paid and the allowance stays closed', () => {
    expect(spec.given([]).when({ ...reserve('r1', 1), payment: undefined }).thenRefuses(RefundRules.orderNotPaid).kind).toBe('rule');
    expect(spec.given([]).when(reserve('r1', 1, 0)).thenRefuses(RefundRules.orderNotPaid).kind).toBe('rule');
  });

  it('given a reservation whose request was never recorded, when the orphan check fires, then it is released; a recorded one stays', () => {
    const reserved = spec.given(reservedOnce('r1', 4_000));
    const check = (requestRecorded: boolean): AllowanceCommand => ({
      type: 'ReleaseOrphanReservation',
      orderId: ORDER,
      refundId: 'r1',
      requestRecorded,
      at: AT,
    });
    reserved.when(check(false)).then([
      { type: 'RefundAllowanceReleased', data: expect.objectContaining({ refundId: 'r1', amount: 4_000, reason: 'request_not_recorded' }) },
    ]);
    reserved.when(check(true)).thenNothing();
  });

  it('given a reservation released because its request was never recorded, when the same refund id reserves again (a retry under its key), then it reserves; a cancelled one may not', () => {
    const notRecorded: RefundEvent = { ...allowanceReleased('r1', 4_000), data: { ...allowanceReleased('r1', 4_000).data, reason: 'request_not_recorded' } } as RefundEvent;
    spec.given([...reservedOnce('r1', 4_000), notRecorded]).when(reserve('r1', 4_000)).then([
      { type: 'RefundAllowanceReserved', data: expect.objectContaining({ refundId: 'r1', amount: 4_000, reservedTotal: 4_000 }) },
    ]);
    expect(spec.given([...reservedOnce('r1', 4_000), allowanceReleased('r1', 4_000)]).when(reserve('r1', 4_000)).thenRefuses(RefundRules.alreadyRequested).kind).toBe('conflict');
  });
});

describe('allowance event fixtures', () => {
  it.each([
    ['a first reservation', [reserve('r1', 4_000)], reservedOnce('r1', 4_000)],
    ['a released reservation', [reserve('r1', 7_000), release('r1')], [...reservedOnce('r1', 7_000), allowanceReleased('r1', 7_000)]],
    ['a settled reservation', [reserve('r1', 10_000), settle('r1', 10_000)], [...reservedOnce('r1', 10_000), allowanceSettled('r1', 10_000)]],
    ['a partly settled reservation', [reserve('r1', 4_000), settle('r1', 4_000)], [...reservedOnce('r1', 4_000), allowanceSettled('r1', 4_000)]],
  ])('%s: the fixtures are the events the commands decide', (_label, commands, events) => {
    expect(givenDecider(allowanceDecider, commands).events).toEqual(events);
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
