import type { compensationEvents, DomainEventOf } from '@aftersales/contracts';
import { DomainError, illegalTransition, notFound, ruleViolation, type Decider } from '@aftersales/kernel';
import type { ApproveCompensation, CompensationCommand, DecideCompensation, RecordCompensationPaidOut, RejectCompensation } from './compensation-commands';
import { initialCompensationState, type CompensationState } from './compensation-state';

export type CompensationEvent = DomainEventOf<(typeof compensationEvents)[number]>;

export const SUPERVISOR_APPROVAL_RULE = 'compensation.supervisor_approval';
/** 409: the order already has a decision of this kind (whatever became of it: awaiting approval, paid or rejected). */
export const ALREADY_DECIDED = 'compensation.already_decided';

/**
 * One compensation (stream `compensation-<compensationId>`, the id derived from order and kind for every kind but
 * goodwill): decided once (a second decision under the same id changes nothing when a repeated fact asks for it
 * again, and is refused with 409 naming the first when an agent proposes it), approved or rejected by a supervisor
 * when it needs approval, then paid out once. A rejected decision stays the decision of its order and kind: proposing
 * the same kind again is refused too, so a supervisor's refusal cannot be worked around by asking again.
 */
export const compensationDecider: Decider<CompensationCommand, CompensationState, CompensationEvent> = {
  initialState: initialCompensationState,
  decide(command, state) {
    switch (command.type) {
      case 'DecideCompensation':
        return decideCompensation(command, state);
      case 'ApproveCompensation':
        return decideApproval(command, state);
      case 'RejectCompensation':
        return decideRejection(command, state);
      case 'RecordCompensationPaidOut':
        return decidePaidOut(command, state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'CompensationDecided':
        return { status: event.data.requiresSupervisorApproval ? 'awaiting_approval' : 'payout_pending', decision: event.data };
      case 'CompensationApproved':
        return { ...state, status: 'payout_pending', approval: { approverId: event.data.approverId, note: event.data.note, approvedAt: event.data.approvedAt } };
      case 'CompensationRejected':
        return { ...state, status: 'rejected', rejection: { approverId: event.data.approverId, reason: event.data.reason, rejectedAt: event.data.rejectedAt } };
      case 'CompensationPaidOut':
        return { ...state, status: 'paid', payout: { payoutId: event.data.payoutId, paidAt: event.data.paidAt } };
    }
  },
};

function decideCompensation(command: DecideCompensation, state: CompensationState): CompensationEvent[] {
  if (state.status === 'none') return [{ type: 'CompensationDecided', data: command.decision }];
  if (command.whenDecided !== 'refuse' || !state.decision) return [];
  const first = state.decision;
  throw new DomainError(
    'conflict',
    ALREADY_DECIDED,
    `order ${first.orderId} already has a ${first.kind} compensation decision: ${first.compensationId} (${state.status}); one decision per order and kind`,
    { compensationId: first.compensationId, kind: first.kind, orderId: first.orderId, currentStatus: state.status, amount: first.amount, decidedAt: first.decidedAt },
  );
}

function supervisorDecision(what: string, command: ApproveCompensation | RejectCompensation, state: CompensationState) {
  if (!state.decision) throw notFound('compensation', command.compensationId);
  if (state.status !== 'awaiting_approval') throw illegalTransition(what, state.status, 'compensation.not_awaiting_approval');
  if (command.approverRole !== 'supervisor') {
    throw ruleViolation(SUPERVISOR_APPROVAL_RULE, `only a supervisor may decide on a compensation above ${state.decision.approvalThreshold}`, {
      approvalThreshold: state.decision.approvalThreshold,
    });
  }
  return state.decision;
}

function decideApproval(command: ApproveCompensation, state: CompensationState): CompensationEvent[] {
  const decision = supervisorDecision('approval', command, state);
  return [
    {
      type: 'CompensationApproved',
      data: {
        compensationId: decision.compensationId,
        orderId: decision.orderId,
        approverId: command.approverId,
        ...(command.note ? { note: command.note } : {}),
        approvedAt: command.at,
      },
    },
  ];
}

function decideRejection(command: RejectCompensation, state: CompensationState): CompensationEvent[] {
  const decision = supervisorDecision('rejection', command, state);
  return [
    {
      type: 'CompensationRejected',
      data: { compensationId: decision.compensationId, orderId: decision.orderId, approverId: command.approverId, reason: command.reason, rejectedAt: command.at },
    },
  ];
}

function decidePaidOut(command: RecordCompensationPaidOut, state: CompensationState): CompensationEvent[] {
  const decision = state.decision;
  if (!decision) throw notFound('compensation', '(unknown)');
  if (state.status === 'paid') return [];
  if (state.status !== 'payout_pending') throw illegalTransition('a payout', state.status, 'compensation.not_payable');
  if (command.amount !== decision.amount) {
    throw new DomainError('conflict', 'compensation.payout_amount_mismatch', `payout ${command.payoutId} paid ${command.amount}, the decision says ${decision.amount}`);
  }
  return [
    {
      type: 'CompensationPaidOut',
      data: {
        compensationId: decision.compensationId,
        orderId: decision.orderId,
        shopId: decision.shopId,
        buyerId: decision.buyerId,
        payoutId: command.payoutId,
        amount: decision.amount,
        currency: decision.currency,
        fundingSource: 'shop_deposit',
        rule: decision.rule,
        paidAt: command.paidAt,
      },
    },
  ];
}
