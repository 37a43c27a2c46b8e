import { currentRulebook, disputeCaseEventDefinitions, type DisputeCaseEvent, type Rulebook } from '@aftersales/contracts';
import { CommandHandler, type CommandContext, type CommandResult, type Platform } from '@aftersales/kernel';
import { makeDisputeDecider, type DisputeCommand, type DisputeState } from '../domain';

export const disputeStreamId = (disputeId: string): string => `dispute-${disputeId}`;

export type DisputeCommandHandler = CommandHandler<DisputeCommand, DisputeState, DisputeCaseEvent>;
export type DisputeCommandResult = CommandResult<DisputeState>;

/** What a command needs from its caller: everything but the type, the case id and the time. */
export type DisputeCommandInput<T extends DisputeCommand['type']> = Omit<Extract<DisputeCommand, { type: T }>, 'type' | 'disputeId' | 'at'>;

const schemaVersions = new Map(disputeCaseEventDefinitions.map((d) => [d.type, d.version]));

/** The command handler of case streams; new decisions use the numbers of `rulebook`. */
export function createDisputeCommandHandler(platform: Platform, rulebook: Rulebook = currentRulebook()): DisputeCommandHandler {
  return new CommandHandler(platform.eventStore, platform.clock, {
    decider: makeDisputeDecider(rulebook),
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
  });
}

/** Runs one command on the case's stream, at the clock's time. */
export function runDisputeCommand<T extends DisputeCommand['type']>(
  handler: DisputeCommandHandler,
  type: T,
  disputeId: string,
  input: DisputeCommandInput<T>,
  ctx: CommandContext,
): Promise<DisputeCommandResult> {
  return handler.handle(disputeStreamId(disputeId), (at) => ({ ...input, type, disputeId, at }) as unknown as DisputeCommand, ctx);
}
