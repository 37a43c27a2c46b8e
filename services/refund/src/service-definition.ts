import { join } from 'node:path';
import type { ServiceDefinition } from '@aftersales/nest';
import { CompensationModule, createCompensationService } from './compensation';
import { createPayoutService, FakePaymentProvider, PayoutsModule } from './payouts';
import type { LogisticsPort } from './refunds/application';
import { createRefundService } from './refund-service';
import { RefundModule } from './refund.module';

/** Refund requests, compensation, payouts, ledger and audit: one service (one log), built in one place. */
export const refundServiceDefinition: ServiceDefinition = {
  name: 'refund',
  resources: ['refunds', 'compensations', 'ledger', 'payouts'],
  adminPaths: ['/admin/payment-provider', '/admin/audit'],
  build({ platform, clock, dataDir, local, remote }) {
    const logisticsPort = (local.get('logistics')?.facade ?? remote?.logistics) as LogisticsPort | undefined;
    if (!logisticsPort) {
      throw new Error('the refund service needs logistics (reissue parcels): in this process, or its address (AFTERSALES_PEERS)');
    }
    const paymentProvider = new FakePaymentProvider({ file: join(dataDir, 'fake-payment-provider.jsonl'), now: () => clock.now() });
    const payouts = createPayoutService(platform, { provider: paymentProvider });
    const compensation = createCompensationService(platform, { payouts: payouts.payouts });
    const service = createRefundService(platform, { logistics: logisticsPort, payouts: payouts.payouts });
    return {
      name: 'refund',
      runtimes: [payouts.runtime, compensation.runtime, ...service.runtimes],
      modules: [
        PayoutsModule.register(payouts, { fakeProvider: paymentProvider }),
        CompensationModule.register(compensation),
        RefundModule.register(service),
      ],
      sideConsumers: [],
      drainables: [payouts],
    };
  },
};
