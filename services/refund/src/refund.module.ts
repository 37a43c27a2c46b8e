import { Module, type DynamicModule } from '@nestjs/common';
import type { CapabilityModuleOptions } from '@aftersales/nest';
import { AuditModule } from './audit/http';
import { CompensationModule } from './compensation/http';
import { LedgerModule } from './ledger/http';
import type { FakePaymentProvider } from './payouts/adapters';
import { PayoutsModule } from './payouts/http';
import type { RefundService } from './refund-service';
import { RefundsModule } from './refunds/http';

export interface RefundModuleOptions extends CapabilityModuleOptions {
  /** The embedded fake provider: mounts /admin/payment-provider (payments, fault injection). */
  fakeProvider?: FakePaymentProvider;
}

/** The refund service's edge: the module of each capability, on the facades built by createRefundService. */
@Module({})
export class RefundModule {
  static register(service: RefundService, options: RefundModuleOptions = {}): DynamicModule {
    const reactions = { reactions: options.reactions };
    return {
      module: RefundModule,
      imports: [
        PayoutsModule.register(service.payouts, { fakeProvider: options.fakeProvider }),
        CompensationModule.register(service.compensation, reactions),
        RefundsModule.register(service.refunds, reactions),
        LedgerModule.register(service.ledger),
        AuditModule.register(service.audit),
      ],
    };
  }
}
