import type { EventEnvelope, Rulebook } from '@aftersales/contracts';
import type { CommandContext, Page, Platform, RecordedEvent, ServiceLog, ServiceRuntime } from '@aftersales/kernel';
import { ORDER_SERVICE, orderTimerPolicy, type CloseRefundedOrderInput, type PlaceReplacementOrderInput } from '../policies';
import { isShopRestrictionEvent, ORDER_SHOP_CLOSURES, orderNotesProjection, ordersProjection, type OrderDocument } from '../projections';
import { cancelOrder, closeRefundedOrder } from './closing.commands';
import { confirmReceipt } from './fulfilment.commands';
import { onLogisticsEvent } from './logistics.reactions';
import { createOrderCommandHandler, type OrderCommandResult } from './order-handler';
import { newOrderId } from './order-ids';
import { fireOrderTimer } from './order.timers';
import { getOrder, listNotes, listOrders, orderParties, orderStream, type NotesPage } from './orders.queries';
import type {
  AddNoteInput,
  CancelOrderInput,
  ChangeAddressInput,
  IssueInvoiceInput,
  ListOrdersQuery,
  OrderDeps,
  PageQuery,
  PayOrderInput,
  PlaceOrderInput,
  RequestInvoiceInput,
} from './orders.types';
import { payOrder } from './payment.commands';
import { placeOrder, placeReplacementOrder } from './placement.commands';
import { CONSUMER_GROUP, type ReactionOutcome } from './reaction-outcome';
import { onDisputeEvent, onRefundEvent } from './refund.reactions';
import { addNote, changeAddress, issueInvoice, requestInvoice } from './service-requests.commands';
import { onShopRestrictionEvent } from './shop-restrictions.reactions';

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
  /** A page of the order's notes, oldest first; undefined for an unknown order. */
  listNotes(orderId: string, query: PageQuery): Promise<NotesPage | undefined>;
  /** The order's stream, each event in its envelope; [] for an unknown order. */
  orderStream(orderId: string): Promise<RecordedEvent[]>;
  /** Its buyer and shop, from the stream (what the edge checks ownership against); undefined for an unknown order. */
  orderParties(orderId: string): Promise<{ buyerId: string; shopId: string } | undefined>;
  /** Bus reaction to logistics events; idempotent on the event id. */
  onLogisticsEvent(event: EventEnvelope): Promise<ReactionOutcome>;
  /** Bus reaction to refund events (exchange replacement, refunded in full); idempotent on the event id. */
  onRefundEvent(event: EventEnvelope): Promise<ReactionOutcome>;
  /**
   * Bus reaction to dispute events (an open case holds the auto-confirm clock; a shop's closure for penalty points
   * and its lifting keep `order_shop_closures`); idempotent on the event id.
   */
  onDisputeEvent(event: EventEnvelope): Promise<ReactionOutcome>;
  readonly runtime: ServiceRuntime;
}

export interface OrderServiceOptions {
  /** Rulebook whose numbers new decisions use; default the current one. */
  rulebook?: Rulebook;
  newOrderId?: (now: Date) => string;
  log?: ServiceLog;
}

/** The order service's facade: each use case is a function of the commands, reactions, timers and queries files. */
export function createOrderService(platform: Platform, options: OrderServiceOptions = {}): OrderService {
  const deps: OrderDeps = {
    handler: createOrderCommandHandler(platform, options.rulebook),
    platform,
    newOrderId: options.newOrderId ?? newOrderId,
    log: options.log ?? ((message, details) => console.warn(`[order] ${message}`, details ?? '')),
  };
  return {
    placeOrder: (input, ctx) => placeOrder(deps, input, ctx),
    payOrder: (orderId, input, ctx) => payOrder(deps, orderId, input, ctx),
    cancelOrder: (orderId, input, ctx) => cancelOrder(deps, orderId, input, ctx),
    addNote: (orderId, input, ctx) => addNote(deps, orderId, input, ctx),
    changeAddress: (orderId, address, ctx) => changeAddress(deps, orderId, address, ctx),
    requestInvoice: (orderId, input, ctx) => requestInvoice(deps, orderId, input, ctx),
    issueInvoice: (orderId, input, ctx) => issueInvoice(deps, orderId, input, ctx),
    confirmReceipt: (orderId, ctx) => confirmReceipt(deps, orderId, ctx),
    placeReplacementOrder: (input, ctx) => placeReplacementOrder(deps, input, ctx),
    closeRefundedOrder: (orderId, input, ctx) => closeRefundedOrder(deps, orderId, input, ctx),
    getOrder: (orderId) => getOrder(deps, orderId),
    listOrders: (query) => listOrders(deps, query),
    listNotes: (orderId, query) => listNotes(deps, orderId, query),
    orderStream: (orderId) => orderStream(deps, orderId),
    orderParties: (orderId) => orderParties(deps, orderId),
    onLogisticsEvent: (event) => onLogisticsEvent(deps, event),
    onRefundEvent: (event) => onRefundEvent(deps, event),
    onDisputeEvent: (event) => (isShopRestrictionEvent(event.type) ? onShopRestrictionEvent(deps, event) : onDisputeEvent(deps, event)),
    runtime: {
      name: ORDER_SERVICE,
      projections: [ordersProjection, orderNotesProjection],
      busFedViews: [{ name: ORDER_SHOP_CLOSURES, projection: ORDER_SHOP_CLOSURES, collections: [ORDER_SHOP_CLOSURES], group: CONSUMER_GROUP }],
      timerPolicies: [orderTimerPolicy],
      fireTimer: (timer) => fireOrderTimer(deps, timer),
    },
  };
}
