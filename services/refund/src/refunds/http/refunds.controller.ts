import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { notFound, type CommandContext } from '@aftersales/kernel';
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
  etagOf,
  resourceResponse,
  ValidBody,
  ValidQuery,
  type HttpResponseLike,
} from '@aftersales/nest';
import type { Refunds } from '../application';
import { refundView } from '../projections';
import { REFUNDS_TOKEN } from './refunds.tokens';
import {
  ApprovalBody,
  CancellationBody,
  EscalationBody,
  ListAllRefundsParams,
  ListRefundsParams,
  ReissueShipmentBody,
  ReissueShipmentViewSchema,
  RefundsPageSchema,
  RefundViewSchema,
  RejectionBody,
  RequestRefundBody,
  ReturnReceiptBody,
  ReturnShipmentBody,
} from './refunds.schemas';
import { REFUNDS_ACCESS } from './refunds.access';

/** The Refunds rows of the public API. Commands answer with the refund, its revision (also the ETag) and the new event ids. */
@ApiTags('refunds')
@Controller()
@AccessControlled(REFUNDS_ACCESS)
export class RefundsController {
  constructor(@Inject(REFUNDS_TOKEN) private readonly refunds: Refunds) {}

  @Post('refunds')
  @ApiCommand({
    summary: 'Ask for a refund, return, exchange or reissue on a paid order',
    description:
      '422 names the refused rule: the amount still refundable, the 7-day no-reason window, excluded categories… Moves money: Idempotency-Key required (400 without).',
    status: 201,
    response: RefundViewSchema,
    idempotencyRequired: true,
  })
  async request(
    @ValidBody(RequestRefundBody) body: RequestRefundBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    const result = await this.refunds.requestRefund(body, ctx);
    res.setHeader('Location', `/refunds/${refundView(result.state).id}`);
    return commandResponse(res, result, refundView, 201);
  }

  @Post('refunds/:refundId/approval')
  @ApiCommand({
    summary: 'Approve (merchant); a return or exchange needs the return address',
    description: 'Moves money (a refund only is paid out at once): Idempotency-Key required (400 without).',
    response: RefundViewSchema,
    idempotencyRequired: true,
  })
  async approve(
    @Param('refundId') refundId: string,
    @ValidBody(ApprovalBody) body: ApprovalBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.refunds.approveRefund(refundId, body, ctx), refundView);
  }

  @Post('refunds/:refundId/rejection')
  @ApiCommand({ summary: 'Reject (merchant); the buyer may escalate within the rulebook window', response: RefundViewSchema })
  async reject(
    @Param('refundId') refundId: string,
    @ValidBody(RejectionBody) body: RejectionBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.refunds.rejectRefund(refundId, body, ctx), refundView);
  }

  @Post('refunds/:refundId/return-shipment')
  @ApiCommand({ summary: 'The buyer shipped the goods back (a return shipment is created in logistics)', response: RefundViewSchema })
  async shipReturn(
    @Param('refundId') refundId: string,
    @ValidBody(ReturnShipmentBody) body: ReturnShipmentBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.refunds.shipReturn(refundId, body, ctx), refundView);
  }

  @Post('refunds/:refundId/return-receipt')
  @ApiCommand({
    summary: 'The merchant confirms the returned goods and their condition (退货到货)',
    description: 'Moves money (the refund of the return is paid out): Idempotency-Key required (400 without).',
    response: RefundViewSchema,
    idempotencyRequired: true,
  })
  async confirmReturn(
    @Param('refundId') refundId: string,
    @ValidBody(ReturnReceiptBody) body: ReturnReceiptBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.refunds.confirmReturnReceipt(refundId, body, ctx), refundView);
  }

  @Post('refunds/:refundId/cancellation')
  @ApiCommand({ summary: 'The buyer withdraws the request', response: RefundViewSchema })
  async cancel(
    @Param('refundId') refundId: string,
    @ValidBody(CancellationBody) body: CancellationBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.refunds.cancelRefund(refundId, body, ctx), refundView);
  }

  @Post('refunds/:refundId/escalation')
  @ApiCommand({ summary: 'The buyer escalates a rejection to a dispute (维权)', response: RefundViewSchema })
  async escalate(
    @Param('refundId') refundId: string,
    @ValidBody(EscalationBody) body: EscalationBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.refunds.escalateRefund(refundId, body, ctx), refundView);
  }

  @Post('refunds/:refundId/reissue-shipment')
  @ApiCommand({
    summary: 'The merchant ships an approved reissue (补发): a shipment in logistics naming the refund',
    description: 'The refund succeeds once logistics reports the parcel dispatched.',
    status: 201,
    response: ReissueShipmentViewSchema,
  })
  async shipReissue(
    @Param('refundId') refundId: string,
    @ValidBody(ReissueShipmentBody) body: ReissueShipmentBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    const outcome = await this.refunds.shipReissue(refundId, body, ctx);
    res.status(201);
    res.setHeader('ETag', etagOf(outcome.revision));
    res.setHeader('Location', `/shipments/${outcome.shipmentId}`);
    return outcome;
  }

  @Get('refunds')
  @ApiRead({
    response: RefundsPageSchema,
    summary: 'List refund requests by status, shop and buyer, ordered by the next deadline (those waiting on nothing last)',
    description:
      'Only what the caller may see: a buyer their own refunds; shop staff their shop (shopId outside their shops: 403; without shopId, ' +
      'their shop, or 400 when they work for several); platform and finance every shop. Each item carries nextDeadline when it waits on one.',
  })
  async list(@ValidQuery(ListAllRefundsParams) query: ListAllRefundsParams, @Caller() caller: Identity) {
    const scope = listScope(caller, query, 'refund.list_own_shops');
    if (scope.shopIds && scope.shopIds.length !== 1) {
      if (scope.shopIds.length === 0) return { items: [] };
      throw badRequest('Name one of your shops', [{ field: '/shopId', message: `one of ${scope.shopIds.join(', ')}` }]);
    }
    return this.refunds.listRefunds({ ...query, buyerId: scope.buyerId ?? query.buyerId, shopId: scope.shopIds?.[0] ?? query.shopId });
  }

  @Get('refunds/:refundId')
  @ApiRead({ summary: 'One refund request', response: RefundViewSchema })
  async get(@Param('refundId') refundId: string, @Res({ passthrough: true }) res: HttpResponseLike) {
    return resourceResponse(res, await this.refunds.getRefund(refundId), 'refund', refundId);
  }

  @Get('refunds/:refundId/events')
  @ApiRead({ summary: 'The refund’s event stream, each event in its envelope, oldest first' })
  async events(@Param('refundId') refundId: string) {
    const events = await this.refunds.refundStream(refundId);
    if (events.length === 0) throw notFound('refund', refundId);
    return { refundId, revision: events[events.length - 1].revision, events };
  }

  @Get('orders/:orderId/refunds')
  @ApiRead({ summary: 'The refund requests of an order, oldest first' })
  async listByOrder(@Param('orderId') orderId: string, @ValidQuery(ListRefundsParams) query: ListRefundsParams) {
    return this.refunds.listRefundsByOrder(orderId, query);
  }
}
