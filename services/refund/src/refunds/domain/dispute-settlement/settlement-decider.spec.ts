import type { DisputeCause, RefundEvent } from '@aftersales/contracts';
import { deciderSpec } from '@aftersales/kernel/testing';
import type { SettleDisputeRefund } from './settlement-commands';
import { settlementDecider } from './settlement-decider';

const AT = '2026-11-20T10:00:00.000Z';
const cause = (patch: Partial<DisputeCause>): DisputeCause => ({ kind: 'dispute', disputeId: 'dsp_1', eventId: 'evt', ...patch });
const settle = (patch: Partial<SettleDisputeRefund> = {}): SettleDisputeRefund => ({
  type: 'SettleDisputeRefund',
  disputeId: 'dsp_1',
  orderId: 'ord-1',
  shopId: 'shop-1',
  buyerId: 'buyer-1',
  currency: 'CNY',
  cause: cause({ rulingId: 'rul-1' }),
  entitledAmount: 10_000,
  escalatedRefund: { refundId: 'rfd_1', amount: 10_000 },
  refundable: 20_000,
  disputeRefundId: 'rfd_1_rl_rul-1',
  at: AT,
  ...patch,
});
const spec = deciderSpec(settlementDecider);
const settledBy = (command: SettleDisputeRefund, history: RefundEvent[] = []): RefundEvent[] => spec.given(history).when(command).decided().events;
const data = (events: RefundEvent[]) => events[0].data as Record<string, unknown>;

describe('dispute settlement (the refunds of one case)', () => {
  it('given a case with an escalated refund of 10 000, when a buyer_wins ruling grants 10 000, then the escalated refund pays it all', () => {
    spec.given([]).when(settle()).then([
      {
        type: 'DisputeRefundSettled',
        data: expect.objectContaining({
          entitledAmount: 10_000,
          previouslyGranted: 0,
          grantedAmount: 10_000,
          notClawedBack: 0,
          payments: [{ refundId: 'rfd_1', amount: 10_000, route: 'escalated_refund' }],
        }),
      },
    ]);
  });

  it('given an escalated refund of 10 000, when a remedy grants 15 000, then the escalated refund pays 10 000 and a refund the case causes pays 5 000', () => {
    const events = settledBy(settle({ cause: cause({ remedyId: 'rm-1' }), entitledAmount: 15_000, disputeRefundId: 'rfd_1_rm_rm-1' }));
    expect(data(events).payments).toEqual([
      { refundId: 'rfd_1', amount: 10_000, route: 'escalated_refund' },
      { refundId: 'rfd_1_rm_rm-1', amount: 5_000, route: 'dispute_refund' },
    ]);
  });

  it('given a ruling paid 10 000, when the ruling on appeal grants 15 000, then only the 5 000 it adds is paid, by a new refund', () => {
    const first = settledBy(settle());
    const events = settledBy(settle({ cause: cause({ rulingId: 'rul-2' }), entitledAmount: 15_000, disputeRefundId: 'rfd_1_rl_rul-2', escalatedRefund: undefined }), first);
    expect(data(events)).toMatchObject({ previouslyGranted: 10_000, grantedAmount: 5_000, notClawedBack: 0, payments: [{ refundId: 'rfd_1_rl_rul-2', amount: 5_000 }] });
  });

  it('given a ruling paid 10 000, when the ruling on appeal goes to the merchant, then nothing is paid and the 10 000 are recorded as not clawed back', () => {
    const first = settledBy(settle());
    const events = settledBy(settle({ cause: cause({ rulingId: 'rul-2' }), entitledAmount: 0, escalatedRefund: undefined }), first);
    expect(data(events)).toMatchObject({ grantedAmount: 0, notClawedBack: 10_000, payments: [] });
    expect(String(data(events).explanation)).toContain('10000 paid earlier is not clawed back');
  });

  it('given rulings 10 000 then 6 000 then 12 000, then 10 000 + 0 + 2 000 are paid: each ruling pays only beyond what rulings granted', () => {
    const first = settledBy(settle());
    const second = settledBy(settle({ cause: cause({ rulingId: 'rul-2' }), entitledAmount: 6_000 }), first);
    const third = settledBy(settle({ cause: cause({ rulingId: 'rul-3' }), entitledAmount: 12_000 }), [...first, ...second]);
    expect([first, second, third].map((e) => data(e).grantedAmount)).toEqual([10_000, 0, 2_000]);
  });

  it('given a settled cause, when it is settled again (a redelivered event), then nothing new', () => {
    spec.given(settledBy(settle())).when(settle()).thenNothing();
  });

  it('given only 4 000 left to refund on the order, when a ruling grants 10 000 without an escalated refund, then 4 000 are paid and the cap recorded', () => {
    const events = settledBy(settle({ escalatedRefund: undefined, refundable: 4_000 }));
    expect(data(events)).toMatchObject({ grantedAmount: 4_000, cappedAt: 4_000, payments: [{ refundId: 'rfd_1_rl_rul-1', amount: 4_000, route: 'dispute_refund' }] });
  });

  it('given the escalated refund paid by a remedy, when a later ruling grants more, then it is not used twice', () => {
    const first = settledBy(settle({ cause: cause({ remedyId: 'rm-1' }), entitledAmount: 10_000 }));
    const events = settledBy(settle({ entitledAmount: 3_000 }), first);
    expect(data(events).payments).toEqual([{ refundId: 'rfd_1_rl_rul-1', amount: 3_000, route: 'dispute_refund' }]);
  });
});
