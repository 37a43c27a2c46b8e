import type { Platform, ServiceRuntime } from '@aftersales/kernel';
import type { Payouts } from './payouts/payout-port';
import { createRefunds, type LogisticsPort, type Refunds, type RefundsOptions } from './refunds/application';

/** What the refund service needs from outside: the logistics facade (or client) for reissues, and the way money moves. */
export interface RefundServiceDependencies {
  logistics: LogisticsPort;
  payouts: Payouts;
  refunds?: RefundsOptions;
}

/** The refund service: refund requests (and, next to them, compensation, payouts, ledger and audit). */
export interface RefundService {
  readonly refunds: Refunds;
  /** What the engine runs for this service: projections, timer policies, timer dispatch. */
  readonly runtimes: ServiceRuntime[];
}

export function createRefundService(platform: Platform, deps: RefundServiceDependencies): RefundService {
  const refunds = createRefunds(platform, { logistics: deps.logistics, payouts: deps.payouts }, deps.refunds);
  return {
    refunds,
    runtimes: [refunds.runtime],
  };
}
