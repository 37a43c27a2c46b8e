import { deciderSpec } from '@aftersales/kernel/testing';
import { followUpDecider } from './follow-up-decider';
import { followUpEvent } from './follow-up-events';
import { FollowUpRules } from './follow-up-rules';
import { closed, goodwillGranted, goodwillProposed, hoursAfterT0, keys, OPENED_EVENT_ID, opened } from '../testing/follow-up-events';

const spec = deciderSpec(followUpDecider);
const REFUND_ID = 'rfd_rfu_1_rem-1';
const offerPartialRefund = (amount: number) => ({
  type: 'ProposeFollowUpRemedy' as const,
  followUpId: keys.followUpId,
  kind: 'partial_refund' as const,
  amount,
  note: 'Money back for the crushed box',
  proposedBy: 'cs-1',
  basedOn: [OPENED_EVENT_ID],
  at: hoursAfterT0(3),
});
const partialRefundGranted = (amount = 5000) => spec.given([opened()]).when(offerPartialRefund(amount)).decided().events;
const recordRefused = (patch: Partial<{ remedyId: string; refundId: string; basedOn: string }> = {}) => ({
  type: 'RecordRemedyRefused' as const,
  followUpId: keys.followUpId,
  remedyId: 'rem-1',
  refundId: REFUND_ID,
  amount: 5000,
  refundable: 0,
  currency: 'CNY',
  ruleId: 'refund.amount_exceeds_refundable',
  explanation: 'partial refund rem-1 asks 5000; the order can still refund 0: nothing paid',
  basedOn: 'evt-refund-refused',
  at: hoursAfterT0(3.5),
  ...patch,
});
const recordPaid = (patch: Partial<{ remedyId: string; refundId: string }> = {}) => ({
  type: 'RecordRemedyPaid' as const,
  followUpId: keys.followUpId,
  remedyId: 'rem-1',
  refundId: REFUND_ID,
  amount: 5000,
  currency: 'CNY',
  basedOn: 'evt-refund-resolved',
  at: hoursAfterT0(3.5),
  ...patch,
});
const refused = followUpEvent('ReviewFollowUpRemedyRefused', {
  ...keys,
  buyerId: 'buyer-1',
  remedyId: 'rem-1',
  kind: 'partial_refund',
  amount: 5000,
  refundable: 0,
  currency: 'CNY',
  ruleId: 'refund.amount_exceeds_refundable',
  explanation: 'partial refund rem-1 asks 5000; the order can still refund 0: nothing paid',
  refundId: REFUND_ID,
  basedOn: ['evt-refund-refused'],
  refusedAt: hoursAfterT0(3.5),
});
const paid = followUpEvent('ReviewFollowUpRemedyPaid', {
  ...keys,
  buyerId: 'buyer-1',
  remedyId: 'rem-1',
  kind: 'partial_refund',
  amount: 5000,
  currency: 'CNY',
  refundId: REFUND_ID,
  basedOn: ['evt-refund-resolved'],
  paidAt: hoursAfterT0(3.5),
});

describe('bad-review follow-up: what became of a granted partial refund', () => {
  it('given a granted partial refund, when the refund service refused it, then the remedy is refused with what was refundable and why, naming the refusal', () => {
    const { state } = spec.given([opened(), ...partialRefundGranted()]).when(recordRefused()).then([refused]);
    expect(state?.remedies[0]).toMatchObject({ status: 'refused', refundId: REFUND_ID, refundable: 0, explanation: expect.stringContaining('nothing paid') });
  });

  it('given a refused partial refund, when the same refusal is recorded again, then nothing changes', () => {
    spec.given([opened(), ...partialRefundGranted(), refused]).when(recordRefused({ basedOn: 'evt-refund-refused-redelivered' })).thenNothing();
  });

  it('given a granted partial refund, when the refund service paid it, then the remedy is paid through the refund; the same payment again changes nothing', () => {
    const { state } = spec.given([opened(), ...partialRefundGranted()]).when(recordPaid()).then([paid]);
    expect(state?.remedies[0]).toMatchObject({ status: 'paid', refundId: REFUND_ID });
    spec.given([opened(), ...partialRefundGranted(), paid]).when(recordPaid()).thenNothing();
  });

  it('given a refused partial refund, when the shop offers a smaller one, then it is granted as a new remedy', () => {
    const { events } = spec.given([opened(), ...partialRefundGranted(), refused]).when(offerPartialRefund(2000)).decided();
    expect(events.map((e) => e.type)).toEqual(['ReviewFollowUpRemedyProposed', 'ReviewFollowUpRemedyGranted']);
    expect(events[1].data).toMatchObject({ remedyId: 'rem-2', kind: 'partial_refund', amount: 2000 });
  });

  it('given a paid partial refund, when the shop offers another, then it is refused (one per follow-up)', () => {
    spec.given([opened(), ...partialRefundGranted(), paid]).when(offerPartialRefund(2000)).thenRefuses(FollowUpRules.remedyAlreadyGranted);
  });

  it('given a paid partial refund, when a refusal of it arrives, then it is refused as not awaiting payment; and the other way round', () => {
    spec.given([opened(), ...partialRefundGranted(), paid]).when(recordRefused()).thenRefuses(FollowUpRules.remedyNotAwaitingPayment);
    spec.given([opened(), ...partialRefundGranted(), refused]).when(recordPaid()).thenRefuses(FollowUpRules.remedyNotAwaitingPayment);
  });

  it('a refusal of a remedy that is not a partial refund, or of an unknown remedy, is refused', () => {
    spec.given([opened(), goodwillProposed(1000), goodwillGranted(1000)]).when(recordRefused()).thenRefuses(FollowUpRules.remedyNotAwaitingPayment);
    expect(spec.given([opened(), ...partialRefundGranted()]).when(recordRefused({ remedyId: 'rem-9' })).thenRefuses('not_found').kind).toBe('not_found');
  });

  it('given a follow-up the shop closed after granting, when the refusal arrives, then it is still recorded (a fact of the refund service)', () => {
    spec.given([opened(), ...partialRefundGranted(), closed('explained')]).when(recordRefused()).then([refused]);
  });
});
