import { currentRulebook, orderEvents, type OrderEvent, type Rulebook } from '@aftersales/contracts';
import { CommandHandler, type AggregateDefinition, type CommandContext, type CommandResult, type Platform } from '@aftersales/kernel';
import { copyOrder, evolveOrderInPlace, makeOrderDecider, type OrderCommand, type OrderState } from '../domain';

export const orderStreamId = (orderId: string): string => `order-${orderId}`;

export type OrderCommandHandler = CommandHandler<OrderCommand, OrderState, OrderEvent>;

export type OrderCommandResult = CommandResult<OrderState>;

/** What a command needs from its caller: everything but the type, the order id and the time. */
export type OrderCommandInput<T extends OrderCommand['type']> = Omit<Extract<OrderCommand, { type: T }>, 'type' | 'orderId' | 'at'>;

const schemaVersions = new Map(orderEvents.map((d) => [d.type, d.version]));

/**
 * The order aggregate as the command handler runs it: its decider with the numbers of `rulebook`, and its cached states
 * folded in place (a note then changes the cached order instead of making a new one; callers get copies).
 */
export function orderAggregate(rulebook: Rulebook = currentRulebook()): AggregateDefinition<OrderCommand, OrderState, OrderEvent> {
  return {
    decider: makeOrderDecider(rulebook),
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
    ownedState: { evolve: evolveOrderInPlace, copy: copyOrder },
  };
}

/** The command handler of order streams; new decisions use the numbers of `rulebook`. */
export function createOrderCommandHandler(platform: Platform, rulebook: Rulebook = currentRulebook()): OrderCommandHandler {
  return new CommandHandler(platform.eventStore, platform.clock, orderAggregate(rulebook));
}

/** Runs one command on the order's stream, at the clock's time. */
export function runOrderCommand<T extends OrderCommand['type']>(
  handler: OrderCommandHandler,
  type: T,
  orderId: string,
  input: OrderCommandInput<T>,
  ctx: CommandContext,
): Promise<OrderCommandResult> {
  return handler.handle(orderStreamId(orderId), (at) => ({ ...input, type, orderId, at }) as OrderCommand, ctx);
}
