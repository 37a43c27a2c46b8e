import { CompensationDecidedEvent, type CompensationDecided } from '@aftersales/contracts';
import { DomainError, fold } from '@aftersales/kernel';
import type { CompensationCommand } from './compensation-commands';
import { compensationDecider, type CompensationEvent } from './compensation-decider';

const at = '2026-11-21T08:00:00.000Z';
const decision = (patch: Partial<CompensationDecided> = {}): CompensationDecided => ({ ...CompensationDecidedEvent.example, ...patch });
const decided = (patch: Partial<CompensationDecided> = {}): CompensationEvent => ({ type: 'CompensationDecided', data: decision(patch) });
const large = decided({ amount: 120_000, requiresSupervisorApproval: true });
const given = (...history: CompensationEvent[]) => ({
  when: (command: CompensationCommand) => compensationDecider.decide(command, fold(compensationDecider, compensationDecider.initialState, history)),
});
const approve = (role: 'supervisor' | 'agent' = 'supervisor'): CompensationCommand => ({ type: 'ApproveCompensation', compensationId: 'cmp-1', approverId: 'sup-1', approverRole: role, at });
const paidOut = (amount = 3000): CompensationCommand => ({ type: 'RecordCompensationPaidOut', payoutId: 'payout-compensation-x', amount, paidAt: at });
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, code: error.code };
  }
  return undefined;
};

describe('compensation decider', () => {
  it('given nothing, when decided, then CompensationDecided as computed; deciding the same id again changes nothing (one per id)', () => {
    expect(given().when({ type: 'DecideCompensation', decision: decision() })).toEqual([decided()]);
    expect(given(decided()).when({ type: 'DecideCompensation', decision: decision({ amount: 1 }) })).toEqual([]);
  });

  it('given a decision above the threshold, when a supervisor approves, then CompensationApproved; an agent is refused naming the rule', () => {
    expect(given(large).when(approve())).toEqual([
      { type: 'CompensationApproved', data: { compensationId: large.data.compensationId, orderId: large.data.orderId, approverId: 'sup-1', approvedAt: at } },
    ]);
    expect(errorOf(() => given(large).when(approve('agent')))).toEqual({ kind: 'rule', code: 'compensation.supervisor_approval' });
  });

  it('given a decision that needs no approval, when someone approves, then 409 naming the status', () => {
    expect(errorOf(() => given(decided()).when(approve()))).toEqual({ kind: 'conflict', code: 'compensation.not_awaiting_approval' });
  });

  it('given a rejected compensation, then it cannot be paid', () => {
    const [rejected] = given(large).when({ type: 'RejectCompensation', compensationId: 'cmp-1', approverId: 'sup-1', approverRole: 'supervisor', reason: 'settled by refund', at });
    expect(rejected.type).toBe('CompensationRejected');
    expect(errorOf(() => given(large, rejected).when(paidOut(120_000)))).toEqual({ kind: 'conflict', code: 'compensation.not_payable' });
  });

  it('given a payable compensation, when its payout succeeded, then CompensationPaidOut from the deposit with the rule; twice → once', () => {
    const [paid] = given(decided()).when(paidOut());
    expect(paid).toEqual({
      type: 'CompensationPaidOut',
      data: expect.objectContaining({ amount: 3000, payoutId: 'payout-compensation-x', fundingSource: 'shop_deposit', rule: decision().rule, paidAt: at }),
    });
    expect(given(decided(), paid).when(paidOut())).toEqual([]);
    expect(errorOf(() => given(large).when(paidOut(120_000)))).toEqual({ kind: 'conflict', code: 'compensation.not_payable' });
    expect(errorOf(() => given(decided()).when(paidOut(2999)))).toEqual({ kind: 'conflict', code: 'compensation.payout_amount_mismatch' });
  });
});
