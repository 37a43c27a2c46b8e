import { currentRulebook, refundEvents, topicOf, type RefundEvent } from '@aftersales/contracts';
import { CommandHandler, waitUntil, type CommandContext, type CommandResult, type Platform, type ServiceLog, type WaitOptions } from '@aftersales/kernel';
import {
  allowanceDecider,
  allowanceStreamId,
  makeRefundDecider,
  settlementDecider,
  type AllowanceCommand,
  type SettleDisputeRefund,
  type SettlementState,
  type AllowanceState,
  type RefundCommand,
  type RefundDecider,
  type RefundState,
} from '../domain';
import { refundsProjection } from '../projections/refunds.projection';
import { REFUND_CONSUMER_GROUP } from './refund-actors';
import { refundStreamId } from './refund-ids';
import type { RefundCommandResult, RefundsDependencies, RefundsOptions } from './refunds.types';

/** A command as a caller gives it: the handler stamps `at` with the clock. */
export type WithoutTime<C> = C extends unknown ? Omit<C, 'at'> : never;

/**
 * What the refund use cases share: the command handlers of the refund and allowance streams, the read models, the
 * ports to other services and the options. Built once by createRefunds and handed to each command group.
 */
export interface RefundHandlers {
  readonly platform: Platform;
  readonly deps: RefundsDependencies;
  readonly options: RefundsOptions;
  readonly decider: RefundDecider;
  readonly refunds: CommandHandler<RefundCommand, RefundState, RefundEvent>;
  readonly allowances: CommandHandler<AllowanceCommand, AllowanceState, RefundEvent>;
  /** The refunds of each dispute case (stream refund-dispute-<disputeId>). */
  readonly settlements: CommandHandler<SettleDisputeRefund, SettlementState, RefundEvent>;
  readonly log: ServiceLog;
  /** How long to wait (bounded) for a read model fed asynchronously: order facts, the `refunds` projection. */
  readonly waitOptions: WaitOptions;
  runRefund(refundId: string, command: WithoutTime<RefundCommand>, ctx: CommandContext): Promise<RefundCommandResult>;
  runAllowance(orderId: string, command: WithoutTime<AllowanceCommand>, ctx: CommandContext): Promise<CommandResult<AllowanceState>>;
  /** Waits (bounded) until the `refunds` projection shows what the command appended. */
  readYourWrites(result: RefundCommandResult): Promise<RefundCommandResult>;
  /** How far the group that feeds `refund_order_facts` is behind the order topic (0: the view has everything). */
  orderFeedLag(): Promise<number>;
}

const schemaVersions = new Map(refundEvents.map((d) => [d.type, d.version]));
const schemaVersionOf = (type: string) => schemaVersions.get(type) ?? 1;

export function createRefundHandlers(platform: Platform, deps: RefundsDependencies, options: RefundsOptions = {}): RefundHandlers {
  const { eventStore, readModels, clock } = platform;
  const decider = makeRefundDecider(options.rulebook ?? currentRulebook());
  const refunds = new CommandHandler(eventStore, clock, { decider, schemaVersionOf });
  // Concurrent requests on one order race here: more attempts than the default before a 409.
  const allowances = new CommandHandler(eventStore, clock, { decider: allowanceDecider, schemaVersionOf }, { maxAttempts: 25 });
  const log: ServiceLog = options.log ?? ((message, details) => console.warn(`[refund] ${message}`, details ?? ''));
  const waitOptions: WaitOptions = {
    timeoutMs: options.consistencyTimeoutMs ?? 2_000,
    intervalMs: options.pollIntervalMs ?? 5,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  async function readYourWrites(result: RefundCommandResult): Promise<RefundCommandResult> {
    if (result.events.length === 0) return result;
    const position = Math.max(...result.events.map((e) => e.position));
    const reached = await waitUntil(
      () => readModels.checkpoint(refundsProjection.name),
      (cp) => cp >= position,
      waitOptions,
    );
    if (reached < position) log('the refunds read model did not catch up in time', { streamId: result.streamId, position, reached });
    return result;
  }

  return {
    platform,
    deps,
    options,
    decider,
    refunds,
    allowances,
    log,
    waitOptions,
    runRefund: (refundId, command, ctx) => refunds.handle(refundStreamId(refundId), (at) => ({ ...command, at }) as RefundCommand, ctx),
    settlements: new CommandHandler(eventStore, clock, { decider: settlementDecider, schemaVersionOf }),
    runAllowance: (orderId, command, ctx) =>
      allowances.handle(allowanceStreamId(orderId), (at) => ({ ...command, at }) as AllowanceCommand, ctx),
    readYourWrites,
    orderFeedLag: options.orderFeedLag ?? (() => platform.bus.lag(REFUND_CONSUMER_GROUP, [topicOf('order')])),
  };
}
