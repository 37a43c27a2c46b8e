import { createHash } from 'node:crypto';
import { currentRulebook, schemaVersionOf, type ReviewStreamEvent, type Rulebook } from '@aftersales/contracts';
import { CommandHandler, type CommandContext, type CommandResult, type Platform } from '@aftersales/kernel';
import { makeReviewDecider, type ReviewCommand, type ReviewState } from '../domain';

export const reviewStreamId = (reviewId: string): string => `review-${reviewId}`;

/** One review per order: its id is `rev_` and a hash of the order id, so a second posting meets the first's stream. */
export const reviewIdOf = (orderId: string): string => `rev_${createHash('sha256').update(orderId).digest('hex').slice(0, 24)}`;

export type ReviewCommandHandler = CommandHandler<ReviewCommand, ReviewState, ReviewStreamEvent>;
export type ReviewCommandResult = CommandResult<ReviewState>;

/** What a command needs from its caller: everything but the type, the review id and the time. */
export type ReviewCommandInput<T extends ReviewCommand['type']> = Omit<Extract<ReviewCommand, { type: T }>, 'type' | 'reviewId' | 'at'>;

/** The command handler of review streams; new decisions use the numbers of `rulebook`. */
export function createReviewCommandHandler(platform: Platform, rulebook: Rulebook = currentRulebook()): ReviewCommandHandler {
  return new CommandHandler(platform.eventStore, platform.clock, { decider: makeReviewDecider(rulebook), schemaVersionOf });
}

/** Runs one command on the review's stream, at the clock's time. */
export function runReviewCommand<T extends ReviewCommand['type']>(
  handler: ReviewCommandHandler,
  type: T,
  reviewId: string,
  input: ReviewCommandInput<T>,
  ctx: CommandContext,
): Promise<ReviewCommandResult> {
  return handler.handle(reviewStreamId(reviewId), (at) => ({ ...input, type, reviewId, at }) as unknown as ReviewCommand, ctx);
}
