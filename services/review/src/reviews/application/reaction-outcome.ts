/** How a bus reaction ended; a refusal is final (redelivery would be refused again), so it is reported, not thrown. */
export type ReviewReactionOutcome =
  | { outcome: 'applied'; eventIds: string[]; replayed?: boolean }
  | { outcome: 'ignored' }
  | { outcome: 'duplicate' }
  | { outcome: 'refused'; code: string; message: string };
