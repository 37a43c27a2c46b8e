import type { EventEnvelope, Rulebook } from '@aftersales/contracts';
import { waitUntil, type CommandContext, type Platform, type ServiceLog, type ServiceRuntime, type WaitOptions } from '@aftersales/kernel';
import { FOLLOW_UP_SERVICE, followUpTimerPolicy } from '../policies';
import { followUpsProjection } from '../projections';
import { FOLLOW_UPS_CONSUMER_GROUP } from './follow-up-actors';
import { createFollowUpCommandHandler, type FollowUpCommandResult } from './follow-up-handler';
import { closeFollowUp, contactBuyer, decideRemedy, proposeRemedy } from './follow-up.commands';
import { fireFollowUpTimer } from './follow-up.timers';
import { followUpQueries, type FollowUpQueries } from './follow-ups.queries';
import type { ClosureInput, ContactInput, FollowUpDeps, RemedyDecisionInput, RemedyInput } from './follow-ups.types';
import { onRefundEvent } from './refund.reactions';
import { FOLLOW_UP_REVIEWS, onReviewEvent, type FollowUpReactionOutcome } from './review.reactions';

type Command<I> = (followUpId: string, input: I, ctx: CommandContext) => Promise<FollowUpCommandResult>;

/** The follow-up capability's facade: commands, the reactions to reviews and refunds, timers and reads of `review-follow-up-<id>` streams. */
export interface FollowUpService extends FollowUpQueries {
  contactBuyer: Command<ContactInput>;
  proposeRemedy: Command<RemedyInput>;
  decideRemedy(followUpId: string, remedyId: string, input: RemedyDecisionInput, ctx: CommandContext): Promise<FollowUpCommandResult>;
  closeFollowUp: Command<ClosureInput>;
  /** Review topic, group `review-follow-ups`: published neutral/negative reviews open follow-ups, upward revisions close them. */
  onReviewEvent(event: EventEnvelope): Promise<FollowUpReactionOutcome>;
  /** Refund topic, group `review-follow-ups`: a granted partial refund the refund service refused or paid. */
  onRefundEvent(event: EventEnvelope): Promise<FollowUpReactionOutcome>;
  readonly runtime: ServiceRuntime;
}

export interface FollowUpServiceOptions {
  /** Rulebook whose numbers new decisions use; default the current one. */
  rulebook?: Rulebook;
  log?: ServiceLog;
  waitOptions?: Partial<WaitOptions>;
}

export function createFollowUpService(platform: Platform, options: FollowUpServiceOptions = {}): FollowUpService {
  const deps: FollowUpDeps = {
    handler: createFollowUpCommandHandler(platform, options.rulebook),
    platform,
    log: options.log ?? ((message, details) => console.warn(`[review-follow-ups] ${message}`, details ?? '')),
    waitOptions: { timeoutMs: 2_000, intervalMs: 5, ...options.waitOptions },
  };
  /** Waits (bounded) until the list shows what a command appended, so a list right after it sees it. */
  async function readYourWrites(result: FollowUpCommandResult): Promise<FollowUpCommandResult> {
    const position = result.events.at(-1)?.position;
    if (position === undefined) return result;
    await waitUntil(() => platform.readModels.checkpoint(followUpsProjection.name), (cp) => cp >= position, deps.waitOptions);
    return result;
  }
  const then = (run: Promise<FollowUpCommandResult>) => run.then(readYourWrites);
  return {
    contactBuyer: (id, input, ctx) => then(contactBuyer(deps, id, input, ctx)),
    proposeRemedy: (id, input, ctx) => then(proposeRemedy(deps, id, input, ctx)),
    decideRemedy: (id, remedyId, input, ctx) => then(decideRemedy(deps, id, remedyId, input, ctx)),
    closeFollowUp: (id, input, ctx) => then(closeFollowUp(deps, id, input, ctx)),
    ...followUpQueries(deps),
    onReviewEvent: (event) => onReviewEvent(deps, event),
    onRefundEvent: (event) => onRefundEvent(deps, event),
    runtime: {
      name: FOLLOW_UP_SERVICE,
      projections: [followUpsProjection],
      busFedViews: [{ name: FOLLOW_UP_REVIEWS, projection: FOLLOW_UP_REVIEWS, collections: [FOLLOW_UP_REVIEWS], group: FOLLOW_UPS_CONSUMER_GROUP }],
      timerPolicies: [followUpTimerPolicy],
      fireTimer: (timer) => fireFollowUpTimer(deps, timer),
    },
  };
}
