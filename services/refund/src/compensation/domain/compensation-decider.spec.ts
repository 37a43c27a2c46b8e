import { deciderSpec } from '@aftersales/kernel/testing';
import {
  COMPENSATION_AT as at,
  compensationDecided as decided,
  compensationDecision as decision,
  compensationPaidOut,
  compensationRejected,
} from '../testing/compensation-events';
import type { CompensationCommand } from './compensation-commands';
import { compensationDecider } from './compensation-decider';

const spec = deciderSpec(compensationDecider);
const large = decided({ amount: 120_000, requiresSupervisorApproval: true });
const approve = (role: 'supervisor' | 'agent' = 'supervisor'): CompensationCommand => ({ type: 'ApproveCompensation', compensationId: 'cmp-1', approverId: 'sup-1', approverRole: role, at });
const reject: CompensationCommand = { type: 'RejectCompensation', compensationId: 'cmp-1', approverId: 'sup-1', approverRole: 'supervisor', reason: 'settled by refund', at };
const paidOut = (amount = 3000): CompensationCommand => ({ type: 'RecordCompensationPaidOut', payoutId: 'payout-compensation-x', amount, paidAt: at });

describe('compensation decider', () => {
  it('given nothing, when decided, then CompensationDecided as computed; deciding the same id again changes nothing (one per id)', () => {
    spec.given([]).when({ type: 'DecideCompensation', decision: decision() }).then([decided()]);
    spec.given([decided()]).when({ type: 'DecideCompensation', decision: decision({ amount: 1 }) }).thenNothing();
  });

  it('given a decision of its order and kind, when an agent proposes it again, then 409 compensation.already_decided naming the first, whatever became of it', () => {
    const proposal: CompensationCommand = { type: 'DecideCompensation', decision: decision({ amount: 1 }), whenDecided: 'refuse' };
    const { compensationId } = decision();
    spec.given([]).when(proposal).then([decided({ amount: 1 })]);
    for (const [history, status] of [
      [[decided()], 'payout_pending'],
      [[large], 'awaiting_approval'],
      [[large, compensationRejected()], 'rejected'],
      [[decided(), compensationPaidOut()], 'paid'],
    ] as const) {
      const refusal = spec.given([...history]).when(proposal).thenRefuses('compensation.already_decided');
      expect([refusal.kind, refusal.details]).toEqual(['conflict', expect.objectContaining({ compensationId, currentStatus: status })]);
    }
  });

  it('given a decision above the threshold, when a supervisor approves, then CompensationApproved; an agent is refused naming the rule', () => {
    spec.given([large]).when(approve()).then([
      { type: 'CompensationApproved', data: { compensationId: large.data.compensationId, orderId: large.data.orderId, approverId: 'sup-1', approvedAt: at } },
    ]);
    expect(spec.given([large]).when(approve('agent')).thenRefuses('compensation.supervisor_approval').kind).toBe('rule');
  });

  it('given a decision that needs no approval, when someone approves, then 409 naming the status', () => {
    expect(spec.given([decided()]).when(approve()).thenRefuses('compensation.not_awaiting_approval').kind).toBe('conflict');
  });

  it('given a rejected compensation, then it cannot be paid', () => {
    spec.given([large]).when(reject).then([compensationRejected()]);
    expect(spec.given([large, compensationRejected()]).when(paidOut(120_000)).thenRefuses('compensation.not_payable').kind).toBe('conflict');
  });

  it('given a payable compensation, when its payout succeeded, then CompensationPaidOut from the deposit with the rule; twice → once', () => {
    spec.given([decided()]).when(paidOut()).then([compensationPaidOut({ amount: 3000, payoutId: 'payout-compensation-x', fundingSource: 'shop_deposit', rule: decision().rule, paidAt: at })]);
    spec.given([decided(), compensationPaidOut()]).when(paidOut()).thenNothing();
    expect(spec.given([large]).when(paidOut(120_000)).thenRefuses('compensation.not_payable').kind).toBe('conflict');
    expect(spec.given([decided()]).when(paidOut(2999)).thenRefuses('compensation.payout_amount_mismatch').kind).toBe('conflict');
  });
});
