import type { Actor, PayoutRequested } from '@aftersales/contracts';
import type { Projection } from '@aftersales/kernel';
import { afterFailedAttempt, type PayoutEvent } from '../domain';

export const PAYOUTS_COLLECTION = 'payouts';

/** One re-drive of a given-up payout: who asked, when, why, and what it had come to. */
export type PayoutRetryView = {
  requestedBy: Actor;
  requestedAt: string;
  reason: string;
  previousAttempts: number;
  lastError: { code: string; message: string };
};

/** GET /payouts/{payoutId}: where a money movement stands: what was requested (its payoutId as `id`), then how it went. */
export type PayoutView = { id: string } & Omit<PayoutRequested, 'payoutId'> & {
  status: 'pending' | 'paid' | 'failed';
  failedAttempts: number;
  lastError?: { code: string; message: string };
  nextAttemptAt?: string;
  providerRef?: string;
  paidAt?: string;
  failedAt?: string;
  /** Re-drives by finance, oldest first; absent until the first. */
  retries?: PayoutRetryView[];
  revision: number;
};

const types = new Set(['PayoutRequested', 'PayoutAttemptFailed', 'PayoutSucceeded', 'PayoutFailed', 'PayoutRetryRequested']);

/** The `payouts` read model; `resumePending` reads its pending ones after a restart. */
export const payoutsProjection: Projection = {
  name: 'payouts',
  collections: [PAYOUTS_COLLECTION],
  handles: (type) => types.has(type),
  async apply(envelope, uow) {
    const event = { type: envelope.type, data: envelope.data } as PayoutEvent;
    const current = await uow.get<PayoutView>(PAYOUTS_COLLECTION, event.data.payoutId);
    if (current && current.revision >= envelope.revision) return;
    const next = evolveView(current, event, envelope.actor);
    if (next) uow.put(PAYOUTS_COLLECTION, { ...next, revision: envelope.revision });
  },
};

function evolveView(current: PayoutView | undefined, event: PayoutEvent, actor: Actor): Omit<PayoutView, 'revision'> | undefined {
  if (event.type === 'PayoutRequested') {
    const { payoutId, ...request } = event.data;
    return { id: payoutId, ...request, status: 'pending', failedAttempts: 0 };
  }
  if (!current) return undefined;
  switch (event.type) {
    case 'PayoutAttemptFailed':
      return { ...current, ...afterFailedAttempt(event.data) };
    case 'PayoutSucceeded': {
      const { nextAttemptAt: _next, ...rest } = current;
      return { ...rest, status: 'paid', providerRef: event.data.providerRef, paidAt: event.data.paidAt };
    }
    case 'PayoutFailed': {
      const { nextAttemptAt: _next, ...rest } = current;
      return {
        ...rest,
        status: 'failed',
        failedAttempts: event.data.attempts,
        lastError: { code: event.data.errorCode, message: event.data.errorMessage },
        failedAt: event.data.failedAt,
      };
    }
    case 'PayoutRetryRequested': {
      const { failedAt: _failed, nextAttemptAt: _next, ...rest } = current;
      const { reason, previousAttempts, lastErrorCode, lastErrorMessage, requestedAt } = event.data;
      const retry: PayoutRetryView = { requestedBy: actor, requestedAt, reason, previousAttempts, lastError: { code: lastErrorCode, message: lastErrorMessage } };
      return { ...rest, status: 'pending', failedAttempts: previousAttempts, retries: [...(current.retries ?? []), retry] };
    }
  }
}
