import { join } from 'node:path';
import type { ServiceDefinition } from '@aftersales/nest';
import { FakePaymentProvider } from './payouts/adapters';
import { createRefundService } from './refund-service';
import { RefundModule } from './refund.module';
import type { LogisticsPort } from './refunds/application';

/** Refund requests, compensation, payouts, ledger and audit: one service (one log), composed by createRefundService. */
export const refundServiceDefinition: ServiceDefinition = {
  name: 'refund',
  resources: ['refunds', 'compensations', 'ledger', 'payouts'],
  adminPaths: ['/admin/payment-provider', '/admin/audit'],
  build({ platform, clock, dataDir, local, remote }) {
    const logistics = (local.get('logistics')?.facade ?? remote?.logistics) as LogisticsPort | undefined;
    if (!logistics) {
      throw new Error('the refund service needs logistics (reissue parcels): in this process, or its address (AFTERSALES_PEERS)');
    }
    const paymentProvider = new FakePaymentProvider({ file: join(dataDir, 'fake-payment-provider.jsonl'), now: () => clock.now() });
    const service = createRefundService(platform, { logistics, paymentProvider });
    return {
      name: 'refund',
      runtimes: service.runtimes,
      modules: [RefundModule.register(service, { fakeProvider: paymentProvider })],
      sideConsumers: [],
      drainables: [service.payouts],
    };
  },
};
