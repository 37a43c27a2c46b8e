import type { DisputeCommandResult } from './dispute-handler';

/** How a bus reaction ended; a refusal is final (redelivery would be refused again), so it is reported, not thrown. */
export type CaseReactionOutcome =
  | { outcome: 'applied'; eventIds: string[]; replayed?: boolean }
  | { outcome: 'ignored' }
  | { outcome: 'duplicate' }
  | { outcome: 'refused'; code: string; message: string };

export const applied = (result: DisputeCommandResult): CaseReactionOutcome => ({
  outcome: 'applied',
  eventIds: result.eventIds,
  replayed: result.replayed,
});
