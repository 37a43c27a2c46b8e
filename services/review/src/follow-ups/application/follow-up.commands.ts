import type { CommandContext } from '@aftersales/kernel';
import { runFollowUpCommand, followUpStreamId, type FollowUpCommandResult } from './follow-up-handler';
import type { ClosureInput, ContactInput, FollowUpDeps, RemedyDecisionInput, RemedyInput } from './follow-ups.types';

/** The follow-up's events the grant of a remedy is based on: its opening and the remedy's proposal. */
async function grantBasis(deps: FollowUpDeps, followUpId: string, remedyId?: string): Promise<string[]> {
  const stream = await deps.platform.eventStore.readStream(followUpStreamId(followUpId), 0);
  return stream
    .filter((e) => e.type === 'ReviewFollowUpOpened' || (remedyId !== undefined && e.type === 'ReviewFollowUpRemedyProposed' && (e.data as { remedyId: string }).remedyId === remedyId))
    .map((e) => e.eventId);
}

export const contactBuyer = (deps: FollowUpDeps, followUpId: string, input: ContactInput, ctx: CommandContext): Promise<FollowUpCommandResult> =>
  runFollowUpCommand(deps.handler, 'ContactBuyer', followUpId, { agentId: ctx.actor.id, channel: input.channel, note: input.note }, ctx);

export async function proposeRemedy(deps: FollowUpDeps, followUpId: string, input: RemedyInput, ctx: CommandContext): Promise<FollowUpCommandResult> {
  const basedOn = await grantBasis(deps, followUpId);
  return runFollowUpCommand(deps.handler, 'ProposeFollowUpRemedy', followUpId, { ...input, proposedBy: ctx.actor.id, basedOn }, ctx);
}

export async function decideRemedy(
  deps: FollowUpDeps,
  followUpId: string,
  remedyId: string,
  input: RemedyDecisionInput,
  ctx: CommandContext,
): Promise<FollowUpCommandResult> {
  if (input.decision === 'rejected') {
    return runFollowUpCommand(deps.handler, 'RejectFollowUpRemedy', followUpId, { remedyId, approverId: ctx.actor.id, reason: input.reason ?? '' }, ctx);
  }
  const basedOn = await grantBasis(deps, followUpId, remedyId);
  return runFollowUpCommand(deps.handler, 'ApproveFollowUpRemedy', followUpId, { remedyId, approverId: ctx.actor.id, basedOn }, ctx);
}

export const closeFollowUp = (deps: FollowUpDeps, followUpId: string, input: ClosureInput, ctx: CommandContext): Promise<FollowUpCommandResult> =>
  runFollowUpCommand(deps.handler, 'CloseFollowUp', followUpId, { outcome: input.outcome, note: input.note, closedBy: ctx.actor.id }, ctx);
