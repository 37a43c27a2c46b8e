import type { CommandContext } from '@aftersales/kernel';
import type { CaseDeps, RemedyInput } from './cases.types';
import { runDisputeCommand, type DisputeCommandResult } from './dispute-handler';

export function proposeRemedy(deps: CaseDeps, disputeId: string, input: RemedyInput, ctx: CommandContext): Promise<DisputeCommandResult> {
  return runDisputeCommand(
    deps.handler,
    'ProposeRemedy',
    disputeId,
    { kind: input.kind, amount: input.amount, description: input.description, proposedBy: ctx.actor.id },
    ctx,
  );
}

export function approveRemedy(deps: CaseDeps, disputeId: string, remedyId: string, ctx: CommandContext): Promise<DisputeCommandResult> {
  return runDisputeCommand(deps.handler, 'ApproveRemedy', disputeId, { remedyId, approverId: ctx.actor.id }, ctx);
}

export function rejectRemedy(deps: CaseDeps, disputeId: string, remedyId: string, input: { reason: string }, ctx: CommandContext): Promise<DisputeCommandResult> {
  return runDisputeCommand(deps.handler, 'RejectRemedy', disputeId, { remedyId, approverId: ctx.actor.id, reason: input.reason }, ctx);
}

export function acceptRemedy(deps: CaseDeps, disputeId: string, remedyId: string, ctx: CommandContext): Promise<DisputeCommandResult> {
  return runDisputeCommand(deps.handler, 'AcceptRemedy', disputeId, { remedyId, acceptedBy: ctx.actor.id }, ctx);
}

export function declineRemedy(deps: CaseDeps, disputeId: string, remedyId: string, input: { reason?: string }, ctx: CommandContext): Promise<DisputeCommandResult> {
  return runDisputeCommand(deps.handler, 'DeclineRemedy', disputeId, { remedyId, reason: input.reason, declinedBy: ctx.actor.id }, ctx);
}
