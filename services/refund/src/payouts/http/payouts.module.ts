import { Inject, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { capabilityModule } from '@aftersales/nest';
import type { PayoutService } from '../application';
import type { FakePaymentProvider } from '../adapters/fake-payment-provider';
import { FakePaymentProviderController } from './fake-payment-provider.controller';
import { PayoutsController } from './payouts.controller';
import { FAKE_PAYMENT_PROVIDER_TOKEN, PAYOUT_SERVICE_TOKEN } from './payouts.tokens';

const RESUME_ON_START = Symbol('PayoutsResumeOnStart');

export interface PayoutsModuleOptions {
  /** The embedded fake provider: mounts /admin/payment-provider (payments, fault injection). */
  fakeProvider?: FakePaymentProvider;
  /** Attempt the payouts the log shows pending when the application starts (default true). */
  resumeOnStart?: boolean;
}

/**
 * GET /payouts, GET /payouts/{id}, POST /payouts/{id}/retry; at start, resumes every payout a crash left pending (the
 * provider's idempotency keeps it to one payment); at shutdown, lets the attempts in flight record their outcome.
 */
@Module({})
export class PayoutsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Payouts');

  constructor(
    @Inject(PAYOUT_SERVICE_TOKEN) private readonly payouts: PayoutService,
    @Inject(RESUME_ON_START) private readonly resumeOnStart: boolean,
  ) {}

  static register(service: PayoutService, options: PayoutsModuleOptions = {}): DynamicModule {
    return capabilityModule(PayoutsModule, {
      token: PAYOUT_SERVICE_TOKEN,
      value: service,
      controllers: [PayoutsController, ...(options.fakeProvider ? [FakePaymentProviderController] : [])],
      providers: [
        { provide: RESUME_ON_START, useValue: options.resumeOnStart !== false },
        ...(options.fakeProvider ? [{ provide: FAKE_PAYMENT_PROVIDER_TOKEN, useValue: options.fakeProvider }] : []),
      ],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.resumeOnStart) return;
    const resumed = await this.payouts.resumePending();
    if (resumed > 0) this.logger.log(`resumed ${resumed} pending payout(s)`);
  }

  /** Attempts in flight record their outcome before the stores close (one that cannot is resumed after the restart). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.payouts.drain();
  }
}
