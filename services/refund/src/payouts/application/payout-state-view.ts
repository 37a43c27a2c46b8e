import { notFound } from '@aftersales/kernel';
import type { PayoutState } from '../domain';
import type { PayoutView } from '../projections/payouts.projection';

/** What a payout command answers: the payout as its stream has it (the read model adds paidAt, failedAt, retries). */
export type PayoutStateView = Omit<PayoutView, 'revision' | 'paidAt' | 'failedAt' | 'retries'>;

export function payoutStateView(state: PayoutState): PayoutStateView {
  if (!state.request || state.status === 'none') throw notFound('payout', 'unknown');
  const { payoutId, ...request } = state.request;
  return {
    id: payoutId,
    ...request,
    status: state.status,
    failedAttempts: state.failedAttempts,
    ...(state.lastError ? { lastError: state.lastError } : {}),
    ...(state.nextAttemptAt ? { nextAttemptAt: state.nextAttemptAt } : {}),
    ...(state.providerRef ? { providerRef: state.providerRef } : {}),
  };
}
