import { Module } from '@nestjs/common';
import { CapabilityModule, type CapabilityModuleOptions } from '@aftersales/nest';
import type { OrderService } from '../application';
import { OrderReactionsController } from './order-reactions.controller';
import { OrdersController } from './orders.controller';
import { ORDER_SERVICE_TOKEN } from './orders.tokens';

/** `reactions`: the bus reactions to logistics and refund events. */
export type OrderModuleOptions = CapabilityModuleOptions;

/** The order service's edge: its HTTP controller and bus reactions on a facade built by createOrderService. */
@Module({})
export class OrderModule extends CapabilityModule<OrderService>({
  token: ORDER_SERVICE_TOKEN,
  controllers: [OrdersController],
  reactions: OrderReactionsController,
}) {}
