import { Controller, Get, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@aftersales/kernel';
import {
  AccessControlled,
  ApiCommand,
  ApiRead,
  badRequest,
  Caller,
  listScope,
  type Identity,
  CommandCtx,
  commandResponse,
  resourceResponse,
  ValidBody,
  ValidQuery,
  type HttpResponseLike,
} from '@aftersales/nest';
import { notFound, withoutUndefined } from '@aftersales/kernel';
import type { OrderService } from '../application';
import { orderView } from '../projections';
import { ORDERS_ACCESS } from './orders.access';
import { ORDER_SERVICE_TOKEN } from './orders.tokens';
import {
  AddressBody,
  CancellationBody,
  EmptyBody,
  InvoiceBody,
  InvoiceRequestBody,
  ListNotesParams,
  ListOrdersParams,
  NoteBody,
  NotesPageSchema,
  OrderViewSchema,
  PaymentBody,
  PlaceOrderBody,
} from './orders.schemas';

/** The Orders rows of the public API. Commands answer with the order, its revision (also the ETag) and the new event ids. */
@ApiTags('orders')
@Controller('orders')
@AccessControlled(ORDERS_ACCESS)
export class OrdersController {
  constructor(@Inject(ORDER_SERVICE_TOKEN) private readonly orders: OrderService) {}

  @Post()
  @ApiCommand({ summary: 'Place an order', status: 201, response: OrderViewSchema })
  async place(
    @ValidBody(PlaceOrderBody) body: PlaceOrderBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    const result = await this.orders.placeOrder(body, ctx);
    res.setHeader('Location', `/orders/${orderView(result.state).id}`);
    return commandResponse(res, result, orderView, 201);
  }

  @Post(':orderId/payment')
  @ApiCommand({ summary: 'Pay an order (online); the amount must equal the total', response: OrderViewSchema, idempotencyRequired: true })
  async pay(
    @Param('orderId') orderId: string,
    @ValidBody(PaymentBody) body: PaymentBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.orders.payOrder(orderId, body, ctx), orderView);
  }

  @Post(':orderId/cancellation')
  @ApiCommand({ summary: 'Cancel an order nobody has paid for yet (a paid order is refunded instead)', response: OrderViewSchema })
  async cancel(
    @Param('orderId') orderId: string,
    @ValidBody(CancellationBody) body: CancellationBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.orders.cancelOrder(orderId, body, ctx), orderView);
  }

  @Post(':orderId/notes')
  @ApiCommand({ summary: 'Append a note (append-only), attributed to the acting agent', response: OrderViewSchema })
  async addNote(
    @Param('orderId') orderId: string,
    @ValidBody(NoteBody) body: NoteBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.orders.addNote(orderId, body, ctx), orderView);
  }

  @Put(':orderId/address')
  @ApiCommand({ summary: 'Change the shipping address; 409 once a shipment holds it (order.address_locked)', response: OrderViewSchema })
  async changeAddress(
    @Param('orderId') orderId: string,
    @ValidBody(AddressBody) body: AddressBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.orders.changeAddress(orderId, body, ctx), orderView);
  }

  @Post(':orderId/invoice-request')
  @ApiCommand({ summary: 'Ask for an invoice', response: OrderViewSchema })
  async requestInvoice(
    @Param('orderId') orderId: string,
    @ValidBody(InvoiceRequestBody) body: InvoiceRequestBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.orders.requestInvoice(orderId, body, ctx), orderView);
  }

  @Post(':orderId/invoice')
  @ApiCommand({ summary: 'Issue the requested invoice (merchant)', response: OrderViewSchema })
  async issueInvoice(
    @Param('orderId') orderId: string,
    @ValidBody(InvoiceBody) body: InvoiceBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.orders.issueInvoice(orderId, body, ctx), orderView);
  }

  @Post(':orderId/receipt-confirmation')
  @ApiCommand({ summary: 'Confirm receipt (buyer): the order is completed', response: OrderViewSchema })
  async confirmReceipt(
    @Param('orderId') orderId: string,
    @ValidBody(EmptyBody) _body: EmptyBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.orders.confirmReceipt(orderId, ctx), orderView);
  }

  @Get()
  @ApiRead({
    summary: 'List orders by shop, buyer and status, a page at a time (ordered by id, i.e. placement)',
    description:
      'Only what the caller may see: a buyer their own orders (buyerId is theirs whatever the query says); shop staff their shops ' +
      '(shopId outside them: 403; without shopId, their shop, or 400 when they work for several); platform and finance every shop.',
  })
  async list(@ValidQuery(ListOrdersParams) query: ListOrdersParams, @Caller() caller: Identity) {
    const scope = listScope(caller, query, 'order.list_own_shops');
    if (scope.shopIds && scope.shopIds.length !== 1) {
      if (scope.shopIds.length === 0) return { items: [] };
      throw badRequest('Name one of your shops', [{ field: '/shopId', message: `one of ${scope.shopIds.join(', ')}` }]);
    }
    return this.orders.listOrders({ ...query, ...withoutUndefined({ buyerId: scope.buyerId, shopId: scope.shopIds?.[0] }) });
  }

  @Get(':orderId')
  @ApiRead({ summary: 'One order', response: OrderViewSchema })
  async get(@Param('orderId') orderId: string, @Res({ passthrough: true }) res: HttpResponseLike) {
    return resourceResponse(res, await this.orders.getOrder(orderId), 'order', orderId);
  }

  @Get(':orderId/notes')
  @ApiRead({ summary: 'Every note of the order, a page at a time, oldest first (the order itself carries the newest 20)', response: NotesPageSchema })
  async notes(@Param('orderId') orderId: string, @ValidQuery(ListNotesParams) query: ListNotesParams) {
    const page = await this.orders.listNotes(orderId, query);
    if (!page) throw notFound('order', orderId);
    return page;
  }

  @Get(':orderId/events')
  @ApiRead({ summary: 'The order’s event stream, each event in its envelope, oldest first' })
  async events(@Param('orderId') orderId: string) {
    const events = await this.orders.orderStream(orderId);
    if (events.length === 0) throw notFound('order', orderId);
    return { orderId, revision: events[events.length - 1].revision, events };
  }
}
