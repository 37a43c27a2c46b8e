import type { Platform, ServiceRuntime } from '@aftersales/kernel';
import { auditRuntime, createCompensationAudit, type CompensationAudit } from './audit/application';
import { createCompensationService, type CompensationService, type CompensationServiceDeps } from './compensation/application';
import { createLedger, ledgerRuntime, type Ledger } from './ledger/application';
import { createPayoutService, type PaymentProvider, type PayoutService, type PayoutServiceOptions } from './payouts/application';
import { createRefunds, type LogisticsPort, type Refunds, type RefundsOptions } from './refunds/application';

/** What the refund service needs from outside: the logistics facade (or client) for reissues, and the payment provider. */
export interface RefundServiceDependencies {
  logistics: LogisticsPort;
  paymentProvider: PaymentProvider;
  refunds?: RefundsOptions;
  payouts?: Omit<PayoutServiceOptions, 'provider'>;
  compensation?: Omit<CompensationServiceDeps, 'payouts'>;
}

/** The refund service: refund requests, compensation decisions, payouts, the finance ledger and the audit replay. */
export interface RefundService {
  readonly refunds: Refunds;
  readonly compensation: CompensationService;
  readonly payouts: PayoutService;
  readonly ledger: Ledger;
  readonly audit: CompensationAudit;
  /** What the engine runs for this service: projections, timer policies, timer dispatch. */
  readonly runtimes: ServiceRuntime[];
}

/**
 * Builds every capability of the service, the one place they meet: payouts move the money refunds and compensations
 * ask for (through the Payouts port); the ledger books what the log says moved; the audit replays compensation
 * decisions. Capabilities never build one another.
 */
export function createRefundService(platform: Platform, deps: RefundServiceDependencies): RefundService {
  const payouts = createPayoutService(platform, { ...deps.payouts, provider: deps.paymentProvider });
  const compensation = createCompensationService(platform, { ...deps.compensation, payouts: payouts.payouts });
  const refunds = createRefunds(platform, { logistics: deps.logistics, payouts: payouts.payouts }, deps.refunds);
  return {
    refunds,
    compensation,
    payouts,
    ledger: createLedger(platform.readModels),
    audit: createCompensationAudit(platform.eventStore, platform.readModels),
    runtimes: [payouts.runtime, compensation.runtime, ledgerRuntime, auditRuntime, refunds.runtime],
  };
}
