import { topicOf, type EventEnvelope, type Rulebook } from '@aftersales/contracts';
import { waitUntil, type CommandContext, type Platform, type ServiceRuntime, type WaitOptions } from '@aftersales/kernel';
import { REVIEW_SERVICE } from '../policies';
import { REVIEW_ORDER_FACTS, reviewsProjection } from '../projections';
import { onOrderEvent } from './order.reactions';
import type { ReviewReactionOutcome } from './reaction-outcome';
import { REVIEW_CONSUMER_GROUP } from './review-actors';
import {
  appealReview,
  decideAppeal,
  moderateReview,
  postExplanation,
  postFollowUpReview,
  postReview,
  reviseReview,
} from './review.commands';
import { createReviewCommandHandler, type ReviewCommandResult } from './review-handler';
import { reviewQueries, type ReviewQueries } from './reviews.queries';
import type { AppealInput, ModerationInput, PostReviewInput, ReviewDeps, RevisionInput } from './reviews.types';

type Command<I> = (reviewId: string, input: I, ctx: CommandContext) => Promise<ReviewCommandResult>;

/** The reviews capability's facade: commands, reactions and reads of `review-<id>` streams. */
export interface ReviewsService extends ReviewQueries {
  postReview(input: PostReviewInput, ctx: CommandContext): Promise<ReviewCommandResult>;
  moderateReview: Command<ModerationInput>;
  postExplanation: Command<{ text: string }>;
  postFollowUpReview: Command<{ text: string; images?: string[] }>;
  reviseReview: Command<RevisionInput>;
  appealReview: Command<AppealInput>;
  decideAppeal: Command<{ upheld: boolean; reason: string }>;
  /** Order topic, group `review`: the order facts reviews are posted on. */
  onOrderEvent(event: EventEnvelope): Promise<ReviewReactionOutcome>;
  readonly runtime: ServiceRuntime;
}

export interface ReviewsServiceOptions {
  /** Rulebook whose numbers new decisions use; default the current one. */
  rulebook?: Rulebook;
  waitOptions?: Partial<WaitOptions>;
  orderFeedLag?: () => Promise<number>;
}

export function createReviewsService(platform: Platform, options: ReviewsServiceOptions = {}): ReviewsService {
  const deps: ReviewDeps = {
    handler: createReviewCommandHandler(platform, options.rulebook),
    platform,
    waitOptions: { timeoutMs: 2_000, intervalMs: 5, ...options.waitOptions },
    orderFeedLag: options.orderFeedLag ?? (() => platform.bus.lag(REVIEW_CONSUMER_GROUP, [topicOf('order')])),
  };
  /** Waits (bounded) until the `reviews` read model shows what a command appended, so a list after it sees it. */
  async function readYourWrites(result: ReviewCommandResult): Promise<ReviewCommandResult> {
    const position = result.events.at(-1)?.position;
    if (position === undefined) return result;
    await waitUntil(
      () => platform.readModels.checkpoint(reviewsProjection.name),
      (cp) => cp >= position,
      deps.waitOptions,
    );
    return result;
  }
  const then = (run: Promise<ReviewCommandResult>) => run.then(readYourWrites);
  return {
    postReview: (input, ctx) => then(postReview(deps, input, ctx)),
    moderateReview: (id, input, ctx) => then(moderateReview(deps, id, input, ctx)),
    postExplanation: (id, input, ctx) => then(postExplanation(deps, id, input, ctx)),
    postFollowUpReview: (id, input, ctx) => then(postFollowUpReview(deps, id, input, ctx)),
    reviseReview: (id, input, ctx) => then(reviseReview(deps, id, input, ctx)),
    appealReview: (id, input, ctx) => then(appealReview(deps, id, input, ctx)),
    decideAppeal: (id, input, ctx) => then(decideAppeal(deps, id, input, ctx)),
    ...reviewQueries(deps),
    onOrderEvent: (event) => onOrderEvent(platform, event),
    runtime: {
      name: REVIEW_SERVICE,
      projections: [reviewsProjection],
      busFedViews: [
        { name: REVIEW_ORDER_FACTS, projection: REVIEW_ORDER_FACTS, collections: [REVIEW_ORDER_FACTS], group: REVIEW_CONSUMER_GROUP },
      ],
      timerPolicies: [],
      fireTimer: async () => undefined,
    },
  };
}
