import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@aftersales/kernel';
import {
  AccessControlled,
  ApiCommand,
  ApiRead,
  CommandCtx,
  commandResponse,
  resourceResponse,
  ValidBody,
  ValidQuery,
  type HttpResponseLike,
} from '@aftersales/nest';
import type { LogisticsService } from '../application';
import { SHIPMENTS_ACCESS } from './shipments.access';
import { shipmentBody } from '../projections';
import { LOGISTICS_SERVICE_TOKEN } from './shipments.tokens';
import {
  CancelShipmentBody,
  CarrierEventAcceptedSchema,
  CarrierEventBody,
  CreateShipmentBody,
  EmptyBody,
  ListShipmentsParams,
  ReportExceptionBody,
  ReturnToMerchantBody,
  ShipmentViewSchema,
} from './shipments.schemas';

/** The Shipments rows of the public API. Commands answer with the shipment, its revision (also the ETag) and the new event ids. */
@ApiTags('shipments')
@Controller()
@AccessControlled(SHIPMENTS_ACCESS)
export class ShipmentsController {
  constructor(@Inject(LOGISTICS_SERVICE_TOKEN) private readonly logistics: LogisticsService) {}

  @Post('shipments')
  @ApiCommand({
    summary: 'Register a shipment for a paid (or cash-on-delivery) order',
    description: 'One active outbound shipment per order; a carrier + tracking number belongs to one shipment.',
    status: 201,
    response: ShipmentViewSchema,
  })
  async create(
    @ValidBody(CreateShipmentBody) body: CreateShipmentBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    const result = await this.logistics.createShipment(body, ctx);
    res.setHeader('Location', `/shipments/${result.state.shipmentId}`);
    return commandResponse(res, result, shipmentBody, 201);
  }

  @Post('shipments/:shipmentId/label')
  @ApiCommand({ summary: 'Record that the label was printed (打单)', response: ShipmentViewSchema })
  async printLabel(
    @Param('shipmentId') shipmentId: string,
    @ValidBody(EmptyBody) _body: EmptyBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.logistics.printLabel(shipmentId, ctx), shipmentBody);
  }

  @Post('shipments/:shipmentId/dispatch')
  @ApiCommand({
    summary: 'Dispatch the shipment (发货): the order becomes shipped',
    description: 'Already on its way (e.g. a carrier scan dispatched it first): answers the shipment and appends nothing.',
    response: ShipmentViewSchema,
  })
  async dispatch(
    @Param('shipmentId') shipmentId: string,
    @ValidBody(EmptyBody) _body: EmptyBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.logistics.dispatchShipment(shipmentId, ctx), shipmentBody);
  }

  @Post('shipments/:shipmentId/cancellation')
  @ApiCommand({ summary: 'Cancel a shipment that has not been dispatched; frees its tracking number', response: ShipmentViewSchema })
  async cancel(
    @Param('shipmentId') shipmentId: string,
    @ValidBody(CancelShipmentBody) body: CancelShipmentBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.logistics.cancelShipment(shipmentId, body, ctx), shipmentBody);
  }

  @Post('shipments/:shipmentId/exceptions')
  @ApiCommand({
    summary: 'Report a delivery problem of a dispatched shipment (lost, damaged, refused, other)',
    response: ShipmentViewSchema,
  })
  async reportException(
    @Param('shipmentId') shipmentId: string,
    @ValidBody(ReportExceptionBody) body: ReportExceptionBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.logistics.reportException(shipmentId, body, ctx), shipmentBody);
  }

  @Post('shipments/:shipmentId/return-to-merchant')
  @ApiCommand({
    summary: 'Record that an outbound parcel came back to the merchant undelivered (e.g. COD refused at the door)',
    response: ShipmentViewSchema,
  })
  async returnToMerchant(
    @Param('shipmentId') shipmentId: string,
    @ValidBody(ReturnToMerchantBody) body: ReturnToMerchantBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    return commandResponse(res, await this.logistics.markReturned(shipmentId, body, ctx), shipmentBody);
  }

  @Post('carrier-events')
  @ApiCommand({
    summary: 'Report a carrier tracking scan (AfterShip statuses)',
    description:
      'Idempotent on the carrier event id: a repeated scan answers 202 with duplicate: true and appends nothing. Scans may ' +
      'arrive out of order. 404 when no shipment has this carrier + tracking number.',
    status: 202,
    response: CarrierEventAcceptedSchema,
  })
  async recordCarrierEvent(
    @ValidBody(CarrierEventBody) body: CarrierEventBody,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: HttpResponseLike,
  ) {
    const { result, duplicate } = await this.logistics.recordCarrierEvent(body, ctx);
    return commandResponse(res, result, (state) => ({ ...shipmentBody(state), duplicate }), 202);
  }

  @Get('shipments/:shipmentId')
  @ApiRead({ summary: 'One shipment: status and tracking history (sorted by carrier time)', response: ShipmentViewSchema })
  async get(@Param('shipmentId') shipmentId: string, @Res({ passthrough: true }) res: HttpResponseLike) {
    return resourceResponse(res, await this.logistics.getShipment(shipmentId), 'shipment', shipmentId);
  }

  @Get('orders/:orderId/shipments')
  @ApiRead({ summary: 'The shipments of an order, outbound and return, a page at a time' })
  async listByOrder(@Param('orderId') orderId: string, @ValidQuery(ListShipmentsParams) query: ListShipmentsParams) {
    return this.logistics.listShipmentsByOrder(orderId, query);
  }
}
