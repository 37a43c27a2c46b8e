import { currentReviewFollowUpEvents, currentRulebook, type Rulebook } from '@aftersales/contracts';
import { CommandHandler, type CommandContext, type CommandResult, type Platform } from '@aftersales/kernel';
import { makeFollowUpDecider, type FollowUpCommand, type FollowUpState, type ReviewFollowUpEvent } from '../domain';

export const followUpStreamId = (followUpId: string): string => `review-follow-up-${followUpId}`;

export type FollowUpCommandHandler = CommandHandler<FollowUpCommand, FollowUpState, ReviewFollowUpEvent>;
export type FollowUpCommandResult = CommandResult<FollowUpState>;

/** What a command needs from its caller: everything but the type, the follow-up id and the time. */
export type FollowUpCommandInput<T extends FollowUpCommand['type']> = Omit<Extract<FollowUpCommand, { type: T }>, 'type' | 'followUpId' | 'at'>;

const schemaVersions = new Map(currentReviewFollowUpEvents.map((d) => [d.type as string, d.version]));

/** The command handler of follow-up streams; new decisions use the numbers of `rulebook`. */
export function createFollowUpCommandHandler(platform: Platform, rulebook: Rulebook = currentRulebook()): FollowUpCommandHandler {
  return new CommandHandler(platform.eventStore, platform.clock, {
    decider: makeFollowUpDecider(rulebook),
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
  });
}

/** Runs one command on the follow-up's stream, at the clock's time. */
export function runFollowUpCommand<T extends FollowUpCommand['type']>(
  handler: FollowUpCommandHandler,
  type: T,
  followUpId: string,
  input: FollowUpCommandInput<T>,
  ctx: CommandContext,
): Promise<FollowUpCommandResult> {
  return handler.handle(followUpStreamId(followUpId), (at) => ({ ...input, type, followUpId, at }) as unknown as FollowUpCommand, ctx);
}
