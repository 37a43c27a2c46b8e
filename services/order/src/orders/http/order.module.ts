import { Module, type DynamicModule } from '@nestjs/common';
import type { OrderService } from '../application';
import { OrderReactionsController } from './order-reactions.controller';
import { OrdersController } from './orders.controller';
import { ORDER_SERVICE_TOKEN } from './order.tokens';

export interface OrderModuleOptions {
  /** Mount the bus reactions to logistics and refund events (default true); an HTTP-only replica may leave them out. */
  reactions?: boolean;
}

/** The order service's edge: its HTTP controller and bus reactions on a facade built by createOrderService. */
@Module({})
export class OrderModule {
  static register(service: OrderService, options: OrderModuleOptions = {}): DynamicModule {
    return {
      module: OrderModule,
      controllers: [OrdersController, ...(options.reactions === false ? [] : [OrderReactionsController])],
      providers: [{ provide: ORDER_SERVICE_TOKEN, useValue: service }],
      exports: [ORDER_SERVICE_TOKEN],
    };
  }
}
