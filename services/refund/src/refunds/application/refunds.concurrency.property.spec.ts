import fc from 'fast-check';
import { DomainError } from '@aftersales/kernel';
import { RefundRules } from '../domain';
import { buyer, PAID, refundScenario } from '../testing/refund-scenario';

describe('refunds: never more refunded than paid, under concurrent requests (property)', () => {
  it('whatever amounts arrive at once, the recorded requests never add up to more than was paid, and each refusal names the rule', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: PAID }), { minLength: 0, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: PAID }), { minLength: 2, maxLength: 8 }),
        async (earlier, concurrent) => {
          const s = refundScenario();
          const orderId = await s.paidOrder();
          const ask = (amount: number) => s.refunds.requestRefund({ orderId, type: 'refund_only', reason: 'quality', amount }, buyer);
          for (const amount of earlier) await ask(amount).catch(() => undefined);
          const refundableBefore = PAID - ((await s.refunds.allowanceOf(orderId))?.reservedTotal ?? 0);

          const outcomes = await Promise.allSettled(concurrent.map(ask));

          for (const outcome of outcomes) {
            if (outcome.status === 'rejected') {
              expect(outcome.reason).toBeInstanceOf(DomainError);
              expect(outcome.reason).toMatchObject({ kind: 'rule', code: RefundRules.amountExceedsRefundable });
            }
          }
          const requested = (await s.env.eventStore.readAll(0, 10_000))
            .filter((e) => e.type === 'RefundRequested')
            .map((e) => (e.data as { amount: number }).amount);
          const total = requested.reduce((a, b) => a + b, 0);
          expect(total).toBeLessThanOrEqual(PAID);
          expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ reservedTotal: total });
          // and the allowance is not lost to the race: if the smallest amount fitted, at least one request got through
          const accepted = outcomes.filter((o) => o.status === 'fulfilled').length;
          if (Math.min(...concurrent) <= refundableBefore) expect(accepted).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 60 },
    );
  });
});
