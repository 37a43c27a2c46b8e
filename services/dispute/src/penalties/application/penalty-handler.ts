import { currentRulebook, currentPenaltyEvents, type Rulebook } from '@aftersales/contracts';
import { CommandHandler, type CommandContext, type CommandResult, type Platform } from '@aftersales/kernel';
import { makeShopPenaltyDecider, type ShopPenaltyCommand, type ShopPenaltyEvent, type ShopPenaltyState } from '../domain';

/** A shop's points of one calendar year: a new stream each year is the reset. */
export const shopPenaltyStreamId = (shopId: string, year: number): string => `shop-penalty-${shopId}-${year}`;

export type ShopPenaltyCommandHandler = CommandHandler<ShopPenaltyCommand, ShopPenaltyState, ShopPenaltyEvent>;
export type ShopPenaltyCommandResult = CommandResult<ShopPenaltyState>;

/** What a command needs from its caller: everything but the type and the time. */
export type ShopPenaltyCommandInput<T extends ShopPenaltyCommand['type']> = Omit<Extract<ShopPenaltyCommand, { type: T }>, 'type' | 'at'>;

const schemaVersions = new Map<string, number>(currentPenaltyEvents.map((d) => [d.type, d.version]));

/** The command handler of shop penalty streams; new assessments use the numbers of `rulebook`. */
export function createShopPenaltyCommandHandler(platform: Platform, rulebook: Rulebook = currentRulebook()): ShopPenaltyCommandHandler {
  return new CommandHandler(platform.eventStore, platform.clock, {
    decider: makeShopPenaltyDecider(rulebook),
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
  });
}

/** Runs one command on the shop's stream of the command's year, at the clock's time. */
export function runShopPenaltyCommand<T extends ShopPenaltyCommand['type']>(
  handler: ShopPenaltyCommandHandler,
  type: T,
  input: ShopPenaltyCommandInput<T>,
  ctx: CommandContext,
): Promise<ShopPenaltyCommandResult> {
  return handler.handle(shopPenaltyStreamId(input.shopId, input.year), (at) => ({ ...input, type, at }) as unknown as ShopPenaltyCommand, ctx);
}
