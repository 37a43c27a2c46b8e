import type { PayoutRequest } from './payout-request';
import type { RetryPolicy } from './retry-policy';

export interface RequestPayout {
  type: 'RequestPayout';
  request: PayoutRequest;
  at: string;
}

export interface RecordPayoutSuccess {
  type: 'RecordPayoutSuccess';
  attempt: number;
  providerRef: string;
  at: string;
}

export interface RecordPayoutFailure {
  type: 'RecordPayoutFailure';
  /** The attempt this outcome belongs to: a stale outcome (another attempt got there first) changes nothing. */
  attempt: number;
  errorCode: string;
  errorMessage: string;
  retryable: boolean;
  outcome: 'not_paid' | 'unknown';
  retry: RetryPolicy;
  at: string;
}

/** Finance re-drives a payout that was given up; who asks is the actor of the command context. */
export interface RetryPayout {
  type: 'RetryPayout';
  payoutId: string;
  reason: string;
  at: string;
}

export type PayoutCommand = RequestPayout | RecordPayoutSuccess | RecordPayoutFailure | RetryPayout;
