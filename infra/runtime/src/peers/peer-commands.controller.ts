import { Body, Controller, HttpCode, Inject, Optional, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { notFound, type CommandContext } from '@aftersales/kernel';
import type { OrderService } from '@aftersales/order';
import type { LogisticsService } from '@aftersales/logistics';

export const PEER_ORDERS = 'aftersales:PEER_ORDERS';
export const PEER_LOGISTICS = 'aftersales:PEER_LOGISTICS';

interface PeerCall<I> {
  input: I;
  ctx: CommandContext;
  options?: { readYourWrites?: boolean };
}

/**
 * Commands one service gives another when they run in separate processes (the refund service closing a refunded
 * order, placing an exchange's replacement, creating a return or reissue parcel). Not public: the gateway does not
 * route /internal, and the OpenAPI document leaves it out. The caller's command context travels with the call, so
 * idempotency keys, actor and causation are the same as in one process.
 */
@ApiExcludeController()
@Controller('internal')
export class PeerCommandsController {
  constructor(
    @Optional() @Inject(PEER_ORDERS) private readonly orders: OrderService | null,
    @Optional() @Inject(PEER_LOGISTICS) private readonly logistics: LogisticsService | null,
  ) {}

  @Post('orders/replacements')
  @HttpCode(200)
  async placeReplacementOrder(@Body() call: PeerCall<Parameters<OrderService['placeReplacementOrder']>[0]>) {
    return slim(await this.requireOrders().placeReplacementOrder(call.input, call.ctx));
  }

  @Post('orders/:orderId/refunded-closure')
  @HttpCode(200)
  async closeRefundedOrder(@Param('orderId') orderId: string, @Body() call: PeerCall<Parameters<OrderService['closeRefundedOrder']>[1]>) {
    return slim(await this.requireOrders().closeRefundedOrder(orderId, call.input, call.ctx));
  }

  @Post('shipments/returns')
  @HttpCode(200)
  async createReturnShipment(@Body() call: PeerCall<Parameters<LogisticsService['createReturnShipment']>[0]>) {
    return slim(await this.requireLogistics().createReturnShipment(call.input, call.ctx, call.options));
  }

  @Post('shipments/reissues')
  @HttpCode(200)
  async createReissueShipment(@Body() call: PeerCall<Parameters<LogisticsService['createReissueShipment']>[0]>) {
    return slim(await this.requireLogistics().createReissueShipment(call.input, call.ctx, call.options));
  }

  private requireOrders(): OrderService {
    if (!this.orders) throw notFound('service', 'order');
    return this.orders;
  }

  private requireLogistics(): LogisticsService {
    if (!this.logistics) throw notFound('service', 'logistics');
    return this.logistics;
  }
}

/** What a peer needs of a command result: the new state, revision and event ids (not the whole events). */
function slim(result: { state: unknown; revision: number; eventIds: string[] }) {
  return { state: result.state, revision: result.revision, eventIds: result.eventIds };
}
