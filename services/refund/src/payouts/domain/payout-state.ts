import type { PayoutAttemptFailed, PayoutRequested } from '@aftersales/contracts';

export type PayoutStatus = 'none' | 'pending' | 'paid' | 'failed';

/** One payout, folded from stream `payout-<payoutId>`. */
export interface PayoutState {
  status: PayoutStatus;
  request?: PayoutRequested;
  /** Failed provider attempts so far; the next attempt is number failedAttempts + 1. */
  failedAttempts: number;
  /** Failed attempts that came before the current attempt budget: 0 until finance re-drives a given-up payout. */
  attemptsBeforeBudget: number;
  providerRef?: string;
  lastError?: { code: string; message: string };
  nextAttemptAt?: string;
}

export const initialPayoutState: PayoutState = { status: 'none', failedAttempts: 0, attemptsBeforeBudget: 0 };

/** What a failed attempt leaves, in the state and in the read model alike: the attempts so far, the error, the next try. */
export const afterFailedAttempt = (failed: PayoutAttemptFailed): Pick<PayoutState, 'failedAttempts' | 'lastError' | 'nextAttemptAt'> => ({
  failedAttempts: failed.attempt,
  lastError: { code: failed.errorCode, message: failed.errorMessage },
  nextAttemptAt: failed.nextAttemptAt,
});
