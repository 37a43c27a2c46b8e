import { Module, type DynamicModule } from '@nestjs/common';
import { RefundReactionsController, RefundsController, REFUNDS_TOKEN } from './http';
import type { RefundService } from './refund-service';

export interface RefundModuleOptions {
  /** Mount the bus reactions (default true); an HTTP-only replica may leave them out. */
  reactions?: boolean;
}

/** The refund service's edge: HTTP controllers and bus reactions on the facades built by createRefundService. */
@Module({})
export class RefundModule {
  static register(service: RefundService, options: RefundModuleOptions = {}): DynamicModule {
    return {
      module: RefundModule,
      controllers: [RefundsController, ...(options.reactions === false ? [] : [RefundReactionsController])],
      providers: [{ provide: REFUNDS_TOKEN, useValue: service.refunds }],
      exports: [REFUNDS_TOKEN],
    };
  }
}
