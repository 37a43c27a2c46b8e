import { ruleViolation, type CommandContext } from '@aftersales/kernel';
import type { CaseDeps, EscalationInput, FollowUpInput, MessageInput } from './cases.types';
import { disputePartyOf, partyOf } from './dispute-actors';
import { runDisputeCommand, type DisputeCommandResult } from './dispute-handler';

/** A supervisor assigns anyone of the shop; an agent may only take the case. */
export function assignDispute(deps: CaseDeps, disputeId: string, input: { assigneeId: string }, ctx: CommandContext): Promise<DisputeCommandResult> {
  if (ctx.actor.role === 'agent' && input.assigneeId !== ctx.actor.id) {
    throw ruleViolation('dispute.agent_takes_only', 'an agent may take a case, not assign it to someone else');
  }
  return runDisputeCommand(deps.handler, 'AssignDispute', disputeId, { assigneeId: input.assigneeId, assignedBy: ctx.actor.id }, ctx);
}

export function postMessage(deps: CaseDeps, disputeId: string, input: MessageInput, ctx: CommandContext): Promise<DisputeCommandResult> {
  return runDisputeCommand(
    deps.handler,
    'PostMessage',
    disputeId,
    {
      author: { id: ctx.actor.id, party: partyOf(ctx.actor) },
      text: input.text,
      visibility: input.visibility ?? 'parties',
      awaitingReply: input.awaitingReply ?? false,
    },
    ctx,
  );
}

export function escalateDispute(deps: CaseDeps, disputeId: string, input: EscalationInput, ctx: CommandContext): Promise<DisputeCommandResult> {
  return runDisputeCommand(
    deps.handler,
    'EscalateDispute',
    disputeId,
    { to: input.to, reason: input.reason, escalatedBy: ctx.actor.id, party: disputePartyOf(ctx.actor) },
    ctx,
  );
}

export function followUpDispute(deps: CaseDeps, disputeId: string, input: FollowUpInput, ctx: CommandContext): Promise<DisputeCommandResult> {
  return runDisputeCommand(
    deps.handler,
    'FollowUpDispute',
    disputeId,
    { satisfaction: input.satisfaction, comment: input.comment, agentId: ctx.actor.id },
    ctx,
  );
}
