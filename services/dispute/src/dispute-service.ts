import type { Platform, ServiceRuntime } from '@aftersales/kernel';
import { createCaseService, type CaseService, type CaseServiceOptions } from './cases/application';

export interface DisputeServiceOptions {
  cases?: CaseServiceOptions;
}

/** The dispute service: complaint and dispute cases (and, beside them, the capabilities other branches add). */
export interface DisputeService {
  readonly cases: CaseService;
  /** What the engine runs for this service: projections, timer policies, timer dispatch, per capability. */
  readonly runtimes: ServiceRuntime[];
}

/** Builds every capability of the service, the one place they meet; capabilities never build one another. */
export function createDisputeService(platform: Platform, options: DisputeServiceOptions = {}): DisputeService {
  const cases = createCaseService(platform, options.cases);
  return { cases, runtimes: [cases.runtime] };
}
