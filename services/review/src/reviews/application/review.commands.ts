import { notFound, readFedView, type CommandContext } from '@aftersales/kernel';
import { REVIEW_ORDER_FACTS, type ReviewOrderFactsDoc } from '../projections';
import { reviewIdOf, runReviewCommand, type ReviewCommandResult } from './review-handler';
import type { AppealInput, ModerationInput, PostReviewInput, ReviewDeps, RevisionInput } from './reviews.types';

/**
 * The order facts the order topic fed (waiting, bounded, while the feed lags); undefined for an order never placed.
 * `ready` says what the caller needs of them (default: that the order is known); facts that are there but not ready are
 * waited for up to the bound, since the event that makes them ready may be on its way.
 */
export function orderFactsOf(
  deps: ReviewDeps,
  orderId: string,
  ready: (doc: ReviewOrderFactsDoc | undefined) => boolean = (doc) => doc !== undefined,
): Promise<ReviewOrderFactsDoc | undefined> {
  const read = () => deps.platform.readModels.get<ReviewOrderFactsDoc>(REVIEW_ORDER_FACTS, orderId);
  return readFedView(read, ready, () => deps.orderFeedLag(), deps.waitOptions);
}

/** A review needs the order completed: a review posted right after the buyer confirmed receipt waits for that fact. */
const completed = (doc: ReviewOrderFactsDoc | undefined): boolean => doc?.completedAt !== undefined;

/** The buyer reviews a completed order, on the facts the order topic gave (never by asking the order service). */
export async function postReview(deps: ReviewDeps, input: PostReviewInput, ctx: CommandContext): Promise<ReviewCommandResult> {
  const facts = await orderFactsOf(deps, input.orderId, completed);
  if (!facts) throw notFound('order', input.orderId);
  return runReviewCommand(
    deps.handler,
    'PostReview',
    reviewIdOf(input.orderId),
    {
      order: { orderId: facts.orderId, shopId: facts.shopId, buyerId: facts.buyerId, completedAt: facts.completedAt },
      basedOn: facts.sourceEventIds,
      rating: input.rating,
      score: input.score,
      text: input.text ?? '',
      images: input.images ?? [],
    },
    ctx,
  );
}

export const moderateReview = (deps: ReviewDeps, reviewId: string, input: ModerationInput, ctx: CommandContext) =>
  runReviewCommand(deps.handler, 'ModerateReview', reviewId, { ...input, moderatorId: ctx.actor.id }, ctx);

export const postExplanation = (deps: ReviewDeps, reviewId: string, input: { text: string }, ctx: CommandContext) =>
  runReviewCommand(deps.handler, 'PostExplanation', reviewId, { text: input.text, agentId: ctx.actor.id }, ctx);

export const postFollowUpReview = (deps: ReviewDeps, reviewId: string, input: { text: string; images?: string[] }, ctx: CommandContext) =>
  runReviewCommand(deps.handler, 'PostFollowUpReview', reviewId, { text: input.text, images: input.images ?? [] }, ctx);

export const reviseReview = (deps: ReviewDeps, reviewId: string, input: RevisionInput, ctx: CommandContext) =>
  runReviewCommand(deps.handler, 'ReviseReview', reviewId, input, ctx);

export const appealReview = (deps: ReviewDeps, reviewId: string, input: AppealInput, ctx: CommandContext) =>
  runReviewCommand(deps.handler, 'AppealReview', reviewId, { ...input, appealId: `apl_${reviewId}`, agentId: ctx.actor.id }, ctx);

export const decideAppeal = (deps: ReviewDeps, reviewId: string, input: { upheld: boolean; reason: string }, ctx: CommandContext) =>
  runReviewCommand(deps.handler, 'DecideAppeal', reviewId, { ...input, arbitratorId: ctx.actor.id }, ctx);
