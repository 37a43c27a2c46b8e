import { Module, type DynamicModule } from '@nestjs/common';
import { capabilityModule, reactionsUnlessOff, type CapabilityModuleOptions } from '@aftersales/nest';
import type { OrderService } from '../application';
import { OrderReactionsController } from './order-reactions.controller';
import { OrdersController } from './orders.controller';
import { ORDER_SERVICE_TOKEN } from './order.tokens';

/** `reactions`: the bus reactions to logistics and refund events. */
export type OrderModuleOptions = CapabilityModuleOptions;

/** The order service's edge: its HTTP controller and bus reactions on a facade built by createOrderService. */
@Module({})
export class OrderModule {
  static register(service: OrderService, options: OrderModuleOptions = {}): DynamicModule {
    return capabilityModule(OrderModule, {
      token: ORDER_SERVICE_TOKEN,
      value: service,
      controllers: [OrdersController, ...reactionsUnlessOff(options, OrderReactionsController)],
    });
  }
}
