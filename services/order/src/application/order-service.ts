import { currentRulebook, orderEvents, type EventEnvelope, type OrderStatus, type Rulebook } from '@aftersales/contracts';
import {
  CommandHandler,
  DomainError,
  invalid,
  notFound,
  type CommandContext,
  type CommandResult,
  type Page,
  type Platform,
  type RecordedEvent,
  type ServiceRuntime,
  type Timer,
} from '@aftersales/kernel';
import {
  makeOrderDecider,
  ORDER_SERVICE,
  orderTimerCommandTypes,
  orderTimerPolicy,
  type OrderCommand,
  type OrderState,
  type OrderTimerCommand,
  type PlaceOrder,
  type PlaceReplacementOrder,
} from '../domain';
import { consumerCommandKey, timerCommandKey } from './command-keys';
import { orderCommandForLogisticsEvent } from './logistics-reactions';
import { orderEffectOfRefundEvent } from './refund-reactions';
import { ORDERS_COLLECTION, orderStreamId, type OrderDocument } from './order-document';
import { newOrderId } from './order-ids';
import { ordersProjection } from './orders-projection';

export type OrderCommandResult = CommandResult<OrderState>;

/** What a command needs from its caller: everything but the type, the order id and the time. */
type InputOf<T extends OrderCommand['type']> = Omit<Extract<OrderCommand, { type: T }>, 'type' | 'orderId' | 'at'>;

export type PlaceOrderInput = Omit<InputOf<'PlaceOrder'>, 'currency'> & { currency?: string };
export type PayOrderInput = InputOf<'PayOrder'>;
export type CancelOrderInput = InputOf<'CancelOrder'>;
export type AddNoteInput = Omit<InputOf<'AddNote'>, 'agentId'>;
export type ChangeAddressInput = InputOf<'ChangeAddress'>['address'];
export type RequestInvoiceInput = InputOf<'RequestInvoice'>;
export type IssueInvoiceInput = InputOf<'IssueInvoice'>;
export type CloseRefundedOrderInput = InputOf<'CloseRefundedOrder'>;
/** An exchange's replacement: the id is allocated by the refund service, the rest is read from the original order. */
export interface PlaceReplacementOrderInput {
  orderId: string;
  replacesOrderId: string;
  exchangeRefundId: string;
  items: { sku: string; quantity: number }[];
}

export interface ListOrdersQuery {
  shopId?: string;
  buyerId?: string;
  status?: OrderStatus;
  limit?: number;
  cursor?: string;
}

/** How a bus reaction ended; a refusal is final (redelivery would be refused again), so it is reported, not thrown. */
export type ReactionOutcome =
  | { outcome: 'applied'; eventIds: string[]; replayed: boolean }
  | { outcome: 'ignored' }
  | { outcome: 'refused'; code: string; message: string };

export interface OrderService {
  placeOrder(input: PlaceOrderInput, ctx: CommandContext): Promise<OrderCommandResult>;
  payOrder(orderId: string, input: PayOrderInput, ctx: CommandContext): Promise<OrderCommandResult>;
  cancelOrder(orderId: string, input: CancelOrderInput, ctx: CommandContext): Promise<OrderCommandResult>;
  /** The note's author is the acting agent (ctx.actor.id). */
  addNote(orderId: string, input: AddNoteInput, ctx: CommandContext): Promise<OrderCommandResult>;
  changeAddress(orderId: string, address: ChangeAddressInput, ctx: CommandContext): Promise<OrderCommandResult>;
  requestInvoice(orderId: string, input: RequestInvoiceInput, ctx: CommandContext): Promise<OrderCommandResult>;
  issueInvoice(orderId: string, input: IssueInvoiceInput, ctx: CommandContext): Promise<OrderCommandResult>;
  confirmReceipt(orderId: string, ctx: CommandContext): Promise<OrderCommandResult>;
  /** An exchange's replacement order, at no charge; idempotent on exchangeRefundId (run on ExchangeReplacementOrderCreated). */
  placeReplacementOrder(input: PlaceReplacementOrderInput, ctx: CommandContext): Promise<OrderCommandResult>;
  /** Once everything paid was refunded (run on RefundAllowanceSettled refundedInFull). */
  closeRefundedOrder(orderId: string, input: CloseRefundedOrderInput, ctx: CommandContext): Promise<OrderCommandResult>;
  /** The `orders` read model document (eventually consistent with the log). */
  getOrder(orderId: string): Promise<OrderDocument | undefined>;
  listOrders(query: ListOrdersQuery): Promise<Page<OrderDocument>>;
  /** The order's stream, each event in its envelope; [] for an unknown order. */
  orderStream(orderId: string): Promise<RecordedEvent[]>;
  /** Bus reaction to logistics events; idempotent on the event id. */
  onLogisticsEvent(event: EventEnvelope): Promise<ReactionOutcome>;
  /** Bus reaction to refund events (exchange replacement, refunded in full); idempotent on the event id. */
  onRefundEvent(event: EventEnvelope): Promise<ReactionOutcome>;
  readonly runtime: ServiceRuntime;
}

export interface OrderServiceOptions {
  /** Rulebook whose numbers new decisions use; default the current one. */
  rulebook?: Rulebook;
  newOrderId?: (now: Date) => string;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

export const SCHEDULER_ACTOR = { id: 'scheduler', role: 'system' } as const;
/** The refund service decided the replacement and the refunded closure: the order's events name it as their actor. */
export const REFUND_SERVICE_ACTOR = { id: 'refund', role: 'system' } as const;
export const CONSUMER_GROUP = ORDER_SERVICE;

const schemaVersions = new Map(orderEvents.map((d) => [d.type, d.version]));

export function createOrderService(platform: Platform, options: OrderServiceOptions = {}): OrderService {
  const handler = new CommandHandler(platform.eventStore, platform.clock, {
    decider: makeOrderDecider(options.rulebook ?? currentRulebook()),
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
  });
  const makeOrderId = options.newOrderId ?? newOrderId;
  const log = options.log ?? ((message, details) => console.warn(`[order] ${message}`, details ?? ''));

  const run = <T extends OrderCommand['type']>(type: T, orderId: string, input: object, ctx: CommandContext) =>
    handler.handle(orderStreamId(orderId), (at) => ({ ...input, type, orderId, at }) as OrderCommand, ctx);

  const fireTimer = async (timer: Timer): Promise<void> => {
    const { type, orderId } = timer.command as Partial<OrderTimerCommand>;
    if (!type || !orderTimerCommandTypes.includes(type) || typeof orderId !== 'string') {
      throw new Error(`timer ${timer.timerId} carries no order timer command`);
    }
    await run(
      type,
      orderId,
      {},
      {
        actor: { ...SCHEDULER_ACTOR },
        correlationId: timer.scheduledBy.correlationId,
        causationId: timer.scheduledBy.eventId,
        commandKey: timerCommandKey(timer.timerId),
      },
    );
  };

  /**
   * One command for one bus event under the key consumer:order:<eventId> (a redelivery appends nothing), caused by
   * the event and in its correlation. A refusal is final: it is logged and reported, not thrown.
   */
  const react = async (
    event: EventEnvelope,
    orderId: string,
    actor: CommandContext['actor'],
    command: (ctx: CommandContext) => Promise<OrderCommandResult>,
  ): Promise<ReactionOutcome> => {
    try {
      const result = await command({
        actor,
        correlationId: event.correlationId,
        causationId: event.eventId,
        ...(event.trace ? { trace: event.trace } : {}),
        commandKey: consumerCommandKey(CONSUMER_GROUP, event.eventId),
      });
      return { outcome: 'applied', eventIds: result.eventIds, replayed: result.replayed };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      log(`${event.type} ${event.eventId} refused by order ${orderId}: ${error.message}`, { code: error.code });
      return { outcome: 'refused', code: error.code, message: error.message };
    }
  };

  const onLogisticsEvent = async (event: EventEnvelope): Promise<ReactionOutcome> => {
    const command = orderCommandForLogisticsEvent(event);
    if (!command) return { outcome: 'ignored' };
    const { type, orderId, ...input } = command;
    return react(event, orderId, event.actor, (ctx) => run(type, orderId, input, ctx));
  };

  const onRefundEvent = async (event: EventEnvelope): Promise<ReactionOutcome> => {
    const effect = orderEffectOfRefundEvent(event);
    if (!effect) return { outcome: 'ignored' };
    return react(event, effect.orderId, { ...REFUND_SERVICE_ACTOR }, (ctx) =>
      effect.type === 'PlaceReplacementOrder'
        ? placeReplacementOrder(effect.input, ctx)
        : run('CloseRefundedOrder', effect.orderId, effect.input, ctx),
    );
  };

  const placeReplacementOrder = async (input: PlaceReplacementOrderInput, ctx: CommandContext) => {
    const { state: original } = await handler.load(orderStreamId(input.replacesOrderId));
    if (original === null) throw notFound('order', input.replacesOrderId);
    const fields: { field: string; message: string }[] = [];
    const items = input.items.map((wanted, i) => {
      const line = original.items.find((item) => item.sku === wanted.sku);
      if (!line) fields.push({ field: `/items/${i}/sku`, message: `order ${original.id} has no line ${wanted.sku}` });
      return { ...(line ?? { title: wanted.sku, unitPrice: 0 }), sku: wanted.sku, quantity: wanted.quantity };
    });
    if (fields.length > 0) throw invalid('the replacement lines must come from the original order', fields);
    const command: Omit<PlaceReplacementOrder, 'type' | 'orderId' | 'at'> = {
      replacesOrderId: original.id,
      exchangeRefundId: input.exchangeRefundId,
      buyerId: original.buyerId,
      shopId: original.shopId,
      currency: original.currency,
      items,
      address: original.address,
    };
    return run('PlaceReplacementOrder', input.orderId, command, ctx);
  };

  return {
    placeOrder: (input, ctx) => {
      const orderId = makeOrderId(platform.clock.now());
      const command: Omit<PlaceOrder, 'type' | 'orderId' | 'at'> = { ...input, currency: input.currency ?? 'CNY' };
      return run('PlaceOrder', orderId, command, ctx);
    },
    payOrder: (orderId, input, ctx) => run('PayOrder', orderId, input, ctx),
    cancelOrder: (orderId, input, ctx) => run('CancelOrder', orderId, input, ctx),
    addNote: (orderId, input, ctx) => run('AddNote', orderId, { ...input, agentId: ctx.actor.id }, ctx),
    changeAddress: (orderId, address, ctx) => run('ChangeAddress', orderId, { address }, ctx),
    requestInvoice: (orderId, input, ctx) => run('RequestInvoice', orderId, input, ctx),
    issueInvoice: (orderId, input, ctx) => run('IssueInvoice', orderId, input, ctx),
    confirmReceipt: (orderId, ctx) => run('ConfirmReceipt', orderId, {}, ctx),
    closeRefundedOrder: (orderId, input, ctx) => run('CloseRefundedOrder', orderId, input, ctx),
    placeReplacementOrder,
    getOrder: (orderId) => platform.readModels.get<OrderDocument>(ORDERS_COLLECTION, orderId),
    listOrders: ({ limit, cursor, ...filters }) => {
      const where = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string>;
      return platform.readModels.find<OrderDocument>(ORDERS_COLLECTION, { where, limit, cursor });
    },
    orderStream: (orderId) => platform.eventStore.readStream(orderStreamId(orderId)),
    onLogisticsEvent,
    onRefundEvent,
    runtime: {
      name: ORDER_SERVICE,
      projections: [ordersProjection],
      timerPolicies: [orderTimerPolicy],
      fireTimer,
    },
  };
}
