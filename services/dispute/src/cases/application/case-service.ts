import { topicOf, type EventEnvelope, type Rulebook } from '@aftersales/contracts';
import { waitUntil, type CommandContext, type Platform, type ServiceLog, type ServiceRuntime, type WaitOptions } from '@aftersales/kernel';
import { DISPUTE_SERVICE, disputeTimerPolicy } from '../policies';
import { casesProjection, DISPUTE_ORDER_FACTS } from '../projections';
import { appealRuling, requestEvidence, ruleDispute, submitEvidence } from './arbitration.commands';
import { caseQueries, type CaseQueries } from './cases.queries';
import type {
  AppealInput,
  CaseDeps,
  EscalationInput,
  EvidenceInput,
  EvidenceRequestInput,
  FollowUpInput,
  MessageInput,
  OpenDisputeInput,
  RemedyInput,
  RulingInput,
} from './cases.types';
import { DISPUTE_CONSUMER_GROUP } from './dispute-actors';
import { createDisputeCommandHandler, type DisputeCommandResult } from './dispute-handler';
import { fireDisputeTimer } from './dispute.timers';
import { assignDispute, escalateDispute, followUpDispute, postMessage } from './handling.commands';
import { openDispute } from './intake.commands';
import { onOrderEvent } from './order.reactions';
import type { CaseReactionOutcome } from './reaction-outcome';
import { onRefundEvent } from './refund.reactions';
import { acceptRemedy, approveRemedy, declineRemedy, proposeRemedy, rejectRemedy } from './remedies.commands';

type Command<I> = (disputeId: string, input: I, ctx: CommandContext) => Promise<DisputeCommandResult>;
type RemedyCommand<I> = (disputeId: string, remedyId: string, input: I, ctx: CommandContext) => Promise<DisputeCommandResult>;

/** The case capability's facade: commands, reactions, timers and reads of `dispute-<id>` streams. */
export interface CaseService extends CaseQueries {
  openDispute(input: OpenDisputeInput, ctx: CommandContext): Promise<DisputeCommandResult>;
  assignDispute: Command<{ assigneeId: string }>;
  postMessage: Command<MessageInput>;
  escalateDispute: Command<EscalationInput>;
  proposeRemedy: Command<RemedyInput>;
  approveRemedy: RemedyCommand<Record<string, never>>;
  rejectRemedy: RemedyCommand<{ reason: string }>;
  acceptRemedy: RemedyCommand<Record<string, never>>;
  declineRemedy: RemedyCommand<{ reason?: string }>;
  requestEvidence: Command<EvidenceRequestInput>;
  submitEvidence: Command<EvidenceInput>;
  ruleDispute: Command<RulingInput>;
  appealRuling: Command<AppealInput>;
  followUp: Command<FollowUpInput>;
  /** Order topic, group `dispute`: the order facts cases open on. */
  onOrderEvent(event: EventEnvelope): Promise<CaseReactionOutcome>;
  /** Refund topic, group `dispute`: an escalated refund opens its case in arbitration. */
  onRefundEvent(event: EventEnvelope): Promise<CaseReactionOutcome>;
  readonly runtime: ServiceRuntime;
}

export interface CaseServiceOptions {
  /** Rulebook whose numbers new decisions use; default the current one. */
  rulebook?: Rulebook;
  log?: ServiceLog;
  waitOptions?: Partial<WaitOptions>;
  orderFeedLag?: () => Promise<number>;
}

export function createCaseService(platform: Platform, options: CaseServiceOptions = {}): CaseService {
  const deps: CaseDeps = {
    handler: createDisputeCommandHandler(platform, options.rulebook),
    platform,
    log: options.log ?? ((message, details) => console.warn(`[dispute] ${message}`, details ?? '')),
    waitOptions: { timeoutMs: 2_000, intervalMs: 5, ...options.waitOptions },
    orderFeedLag: options.orderFeedLag ?? (() => platform.bus.lag(DISPUTE_CONSUMER_GROUP, [topicOf('order')])),
  };
  /** Waits (bounded) until the `disputes` read model shows what a command appended, so a read after it sees it. */
  async function readYourWrites(result: DisputeCommandResult): Promise<DisputeCommandResult> {
    const position = result.events.at(-1)?.position;
    if (position === undefined) return result;
    await waitUntil(() => platform.readModels.checkpoint(casesProjection.name), (cp) => cp >= position, deps.waitOptions);
    return result;
  }
  const then = (run: Promise<DisputeCommandResult>) => run.then(readYourWrites);
  return {
    openDispute: (input, ctx) => then(openDispute(deps, input, ctx)),
    assignDispute: (id, input, ctx) => then(assignDispute(deps, id, input, ctx)),
    postMessage: (id, input, ctx) => then(postMessage(deps, id, input, ctx)),
    escalateDispute: (id, input, ctx) => then(escalateDispute(deps, id, input, ctx)),
    proposeRemedy: (id, input, ctx) => then(proposeRemedy(deps, id, input, ctx)),
    approveRemedy: (id, remedyId, _input, ctx) => then(approveRemedy(deps, id, remedyId, ctx)),
    rejectRemedy: (id, remedyId, input, ctx) => then(rejectRemedy(deps, id, remedyId, input, ctx)),
    acceptRemedy: (id, remedyId, _input, ctx) => then(acceptRemedy(deps, id, remedyId, ctx)),
    declineRemedy: (id, remedyId, input, ctx) => then(declineRemedy(deps, id, remedyId, input, ctx)),
    requestEvidence: (id, input, ctx) => then(requestEvidence(deps, id, input, ctx)),
    submitEvidence: (id, input, ctx) => then(submitEvidence(deps, id, input, ctx)),
    ruleDispute: (id, input, ctx) => then(ruleDispute(deps, id, input, ctx)),
    appealRuling: (id, input, ctx) => then(appealRuling(deps, id, input, ctx)),
    followUp: (id, input, ctx) => then(followUpDispute(deps, id, input, ctx)),
    ...caseQueries(deps),
    onOrderEvent: (event) => onOrderEvent(deps, event),
    onRefundEvent: (event) => onRefundEvent(deps, event),
    runtime: {
      name: DISPUTE_SERVICE,
      projections: [casesProjection],
      busFedViews: [{ name: DISPUTE_ORDER_FACTS, projection: DISPUTE_ORDER_FACTS, collections: [DISPUTE_ORDER_FACTS], group: DISPUTE_CONSUMER_GROUP }],
      timerPolicies: [disputeTimerPolicy],
      fireTimer: (timer) => fireDisputeTimer(deps, timer),
    },
  };
}
