import type { ShopRestricted, ShopRestrictionLiftedV2 } from '@aftersales/contracts';
import type { RecordedEvent, TimerInstruction, TimerPolicy } from '@aftersales/kernel';
import { isAfter } from '@aftersales/kernel';
import { pointsResetAt, type LiftRestriction } from '../domain';

/** The runtime that owns the penalty timers (the engine routes a fired timer by this name). */
export const PENALTIES_SERVICE = 'penalties';

export const penaltyTimerIds = {
  lift: (shopId: string, year: number, kind: string, from: string) => `shop-penalty-${shopId}-${year}:lift:${kind}:${from}`,
};

/**
 * Every restriction ends by a durable timer: a temporary one when its days run out, or at the reset of the year's
 * points (1 January, 00:00 UTC) if that comes first; a closure (no days) at the reset. A restriction lifted because
 * its points were revoked no longer needs its timer.
 */
export const penaltyTimerPolicy: TimerPolicy = (recorded: RecordedEvent): TimerInstruction | undefined => {
  if (!recorded.streamId.startsWith('shop-penalty-')) return undefined;
  if (recorded.type === 'ShopRestrictionLifted') {
    const { shopId, year, kind, restrictionFrom, reason } = recorded.data as ShopRestrictionLiftedV2;
    return reason === 'points_revoked' ? { cancel: [penaltyTimerIds.lift(shopId, year, kind, restrictionFrom)] } : undefined;
  }
  if (recorded.type !== 'ShopRestricted') return undefined;
  const { shopId, year, kind, from, until } = recorded.data as ShopRestricted;
  const resetAt = pointsResetAt(year);
  const expires = until !== undefined && !isAfter(until, resetAt);
  const command: Omit<LiftRestriction, 'at'> = {
    type: 'LiftRestriction',
    shopId,
    year,
    kind,
    restrictionFrom: from,
    reason: expires ? 'expired' : 'points_reset',
  };
  return {
    schedule: [
      {
        timerId: penaltyTimerIds.lift(shopId, year, kind, from),
        service: PENALTIES_SERVICE,
        dueAt: expires ? until : resetAt,
        command,
        scheduledBy: { eventId: recorded.eventId, correlationId: recorded.correlationId },
      },
    ],
  };
};
