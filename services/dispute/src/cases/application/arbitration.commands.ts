import type { CommandContext } from '@aftersales/kernel';
import type { AppealInput, CaseDeps, EvidenceInput, EvidenceRequestInput, RulingInput } from './cases.types';
import { disputePartyOf } from './dispute-actors';
import { disputeStreamId, runDisputeCommand, type DisputeCommandResult } from './dispute-handler';

/** The case events a ruling rests on: the intake, the evidence submitted and the appeal. */
const RULING_SOURCES = new Set(['DisputeOpened', 'DisputeEvidenceSubmitted', 'DisputeEvidenceOverdue', 'DisputeAppealed']);

export function requestEvidence(deps: CaseDeps, disputeId: string, input: EvidenceRequestInput, ctx: CommandContext): Promise<DisputeCommandResult> {
  return runDisputeCommand(
    deps.handler,
    'RequestEvidence',
    disputeId,
    { party: input.party, description: input.description, dueInHours: input.dueInHours, requestedBy: ctx.actor.id },
    ctx,
  );
}

export function submitEvidence(deps: CaseDeps, disputeId: string, input: EvidenceInput, ctx: CommandContext): Promise<DisputeCommandResult> {
  return runDisputeCommand(
    deps.handler,
    'SubmitEvidence',
    disputeId,
    { requestId: input.requestId, party: disputePartyOf(ctx.actor), evidence: input.items, note: input.note, submittedBy: ctx.actor.id },
    ctx,
  );
}

export async function ruleDispute(deps: CaseDeps, disputeId: string, input: RulingInput, ctx: CommandContext): Promise<DisputeCommandResult> {
  const stream = await deps.platform.eventStore.readStream(disputeStreamId(disputeId), 0);
  const basedOn = stream.filter((e) => RULING_SOURCES.has(e.type)).map((e) => e.eventId);
  return runDisputeCommand(
    deps.handler,
    'RuleDispute',
    disputeId,
    {
      outcome: input.outcome,
      refundAmount: input.refundAmount,
      compensation: input.compensation,
      violation: input.violation,
      reason: input.reason,
      ruledBy: ctx.actor.id,
      basedOn,
    },
    ctx,
  );
}

export function appealRuling(deps: CaseDeps, disputeId: string, input: AppealInput, ctx: CommandContext): Promise<DisputeCommandResult> {
  return runDisputeCommand(
    deps.handler,
    'AppealRuling',
    disputeId,
    { party: disputePartyOf(ctx.actor), reason: input.reason, evidence: input.evidence ?? [], appealedBy: ctx.actor.id },
    ctx,
  );
}
