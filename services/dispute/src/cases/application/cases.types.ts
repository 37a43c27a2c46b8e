import type { Platform, ServiceLog } from '@aftersales/kernel';
import type { DisputeCommandHandler } from './dispute-handler';

/** What the case use cases run on; each takes the part it needs. */
export interface CaseDeps {
  handler: DisputeCommandHandler;
  platform: Platform;
  newDisputeId: (now: Date) => string;
  log: ServiceLog;
}
