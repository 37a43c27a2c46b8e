import type { EventEnvelope, Rulebook } from '@aftersales/contracts';
import type { Platform, ServiceLog, ServiceRuntime } from '@aftersales/kernel';
import { PENALTIES_SERVICE, penaltyTimerPolicy } from '../policies';
import { penaltyPointsProjection, type PenaltyPointsView } from '../projections';
import { createPenaltyAudit, type PenaltyAudit } from './penalty-audit';
import { createShopPenaltyCommandHandler } from './penalty-handler';
import { getPenaltyPoints } from './penalty-points.queries';
import { firePenaltyTimer } from './penalty.timers';
import type { PenaltiesDeps, PenaltyReactionOutcome } from './penalties.types';
import { onDisputeEvent, onRefundEvent } from './violation.reactions';

export interface PenaltiesService {
  /** GET /shops/{shopId}/penalty-points: the shop's points in a year (default: the clock's). */
  getPenaltyPoints(shopId: string, year?: number): Promise<PenaltyPointsView>;
  /** Dispute topic: a ruling with a violation assesses points; idempotent on the event id and per order and violation. */
  onDisputeEvent(event: EventEnvelope): Promise<PenaltyReactionOutcome>;
  /** Refund topic: a late shipment's compensation records the violation (0 points). */
  onRefundEvent(event: EventEnvelope): Promise<PenaltyReactionOutcome>;
  readonly audit: PenaltyAudit;
  readonly runtime: ServiceRuntime;
}

export interface PenaltiesOptions {
  /** Rulebook whose numbers new assessments use; default the current one. */
  rulebook?: Rulebook;
  log?: ServiceLog;
}

/** Shop penalty points (streams shop-penalty-<shopId>-<year>): reactions, lift timers, the read and the audit. */
export function createPenaltiesService(platform: Platform, options: PenaltiesOptions = {}): PenaltiesService {
  const deps: PenaltiesDeps = {
    handler: createShopPenaltyCommandHandler(platform, options.rulebook),
    platform,
    log: options.log ?? ((message, details) => console.warn(`[penalties] ${message}`, details ?? '')),
  };
  return {
    getPenaltyPoints: (shopId, year) => getPenaltyPoints(deps, shopId, year),
    onDisputeEvent: (event) => onDisputeEvent(deps, event),
    onRefundEvent: (event) => onRefundEvent(deps, event),
    audit: createPenaltyAudit(platform.eventStore),
    runtime: {
      name: PENALTIES_SERVICE,
      projections: [penaltyPointsProjection],
      timerPolicies: [penaltyTimerPolicy],
      fireTimer: (timer) => firePenaltyTimer(deps, timer),
    },
  };
}
