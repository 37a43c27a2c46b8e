import type { Platform, ServiceLog } from '@aftersales/kernel';
import type { ShopPenaltyCommandHandler } from './penalty-handler';

/** What the penalty use cases run on. */
export interface PenaltiesDeps {
  handler: ShopPenaltyCommandHandler;
  platform: Platform;
  log: ServiceLog;
}

/** How a bus reaction ended; a refusal is final, so it is reported, not thrown. */
export type PenaltyReactionOutcome =
  | { outcome: 'applied'; eventIds: string[]; replayed: boolean }
  | { outcome: 'ignored' }
  | { outcome: 'refused'; code: string; message: string };
