import { deciderSpec } from '@aftersales/kernel/testing';
import { orderDecider } from './order-decider';
import { disputeCase, hoursAfterT0, pauseAutoConfirm, refundCase, resumeAutoConfirm, timerCommand } from '../testing/order-fixtures';
import { deliveredOrder, paidOrder } from '../testing/order-events';

const spec = deciderSpec(orderDecider);
const HOUR = 3_600_000;
// deliveredOrder(): dispatched at 24 h, so auto-confirm is due at 24 h + 10 days = 264 h.

describe('auto-confirm held while a refund or dispute is open', () => {
  it('given a delivered order, when a refund opens at 72 h, then the clock stops with 192 h left and the old deadline is gone', () => {
    const { state } = spec
      .given(deliveredOrder())
      .when(pauseAutoConfirm(refundCase(), hoursAfterT0(72)))
      .then([
        {
          type: 'AutoConfirmPaused',
          data: {
            orderId: 'ord_test1',
            cause: refundCase(),
            openCases: [refundCase()],
            suspendedDeadline: hoursAfterT0(264),
            remainingMs: 192 * HOUR,
            pausedAt: hoursAfterT0(72),
          },
        },
      ]);

    expect(state?.deadlines.autoConfirmAt).toBeUndefined();
  });

  it('given the clock stopped by a refund, when the auto-confirm timer fires at the old deadline, then nothing is confirmed', () => {
    const paused = spec.given(deliveredOrder()).when(pauseAutoConfirm(refundCase(), hoursAfterT0(72))).decided().events;
    spec
      .given([...deliveredOrder(), ...paused])
      .when(timerCommand('AutoConfirmReceipt', hoursAfterT0(264)))
      .thenNothing();
  });

  it('given the clock stopped by a refund, when the refund ends at 300 h, then it runs again with 192 h left: due at 492 h', () => {
    const paused = spec.given(deliveredOrder()).when(pauseAutoConfirm(refundCase(), hoursAfterT0(72))).decided().events;
    const { state } = spec
      .given([...deliveredOrder(), ...paused])
      .when(resumeAutoConfirm(refundCase(), hoursAfterT0(300)))
      .then([
        {
          type: 'AutoConfirmResumed',
          data: { orderId: 'ord_test1', cause: refundCase(), openCases: [], remainingMs: 192 * HOUR, autoConfirmAt: hoursAfterT0(492), resumedAt: hoursAfterT0(300) },
        },
      ]);

    expect(state?.deadlines.autoConfirmAt).toBe(hoursAfterT0(492));
    expect(state?.autoConfirmPause).toBeUndefined();
  });

  it('given a refund and a dispute open, when the refund ends, then the clock stays stopped (no new deadline) until the dispute ends', () => {
    const history = [...deliveredOrder()];
    history.push(...spec.given(history).when(pauseAutoConfirm(refundCase(), hoursAfterT0(72))).decided().events);
    history.push(...spec.given(history).when(pauseAutoConfirm(disputeCase(), hoursAfterT0(80))).decided().events);

    const { events, state } = spec.given(history).when(resumeAutoConfirm(refundCase(), hoursAfterT0(100))).decided();

    expect(events).toEqual([
      { type: 'AutoConfirmResumed', data: { orderId: 'ord_test1', cause: refundCase(), openCases: [disputeCase()], remainingMs: 192 * HOUR, resumedAt: hoursAfterT0(100) } },
    ]);
    expect(state?.deadlines.autoConfirmAt).toBeUndefined();
    expect(state?.autoConfirmPause?.openCases).toEqual([disputeCase()]);
  });

  it('given an order not yet shipped, when a refund opens, then no clock runs and nothing is recorded', () => {
    spec.given(paidOrder()).when(pauseAutoConfirm()).thenNothing();
  });

  it('given no open case, when a refund ends, then nothing is recorded', () => {
    spec.given(deliveredOrder()).when(resumeAutoConfirm()).thenNothing();
  });
});
