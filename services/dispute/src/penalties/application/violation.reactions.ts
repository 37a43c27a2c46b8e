import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, isRefused, react } from '@aftersales/kernel';
import {
  DISPUTE_EVENTS_PENALTIES_REACT_TO,
  REFUND_EVENTS_PENALTIES_REACT_TO,
  reversalOfAppealRuling,
  violationOfCompensation,
  violationOfRuling,
  type FindingReversed,
  type ViolationFound,
} from '../policies';
import { runShopPenaltyCommand } from './penalty-handler';
import type { PenaltiesDeps, PenaltyReactionOutcome } from './penalties.types';

/** The consumer group of the penalty reactions (dispute and refund topics). */
export const PENALTIES_GROUP = 'penalties';
/** Assessments name the platform's penalty rules as their actor. */
export const PENALTIES_ACTOR = { id: 'penalties', role: 'system' } as const;

/**
 * Dispute topic, group `penalties`: a ruling on appeal first revokes the case's assessments it no longer finds (once
 * per year's stream, key consumer:penalties:<eventId>:revoke-<year>); a ruling that found a violation assesses its
 * points, once (key consumer:penalties:<eventId>).
 */
export async function onDisputeEvent(deps: PenaltiesDeps, event: EventEnvelope): Promise<PenaltyReactionOutcome> {
  if (!DISPUTE_EVENTS_PENALTIES_REACT_TO.includes(event.type)) return { outcome: 'ignored' };
  const revoked = await revoke(deps, event, reversalOfAppealRuling(event));
  const assessed = await assess(deps, event, violationOfRuling(event));
  if (revoked.eventIds.length === 0 || assessed.outcome === 'refused') return assessed;
  const assessedIds = assessed.outcome === 'applied' ? assessed.eventIds : [];
  return { outcome: 'applied', eventIds: [...revoked.eventIds, ...assessedIds], replayed: revoked.replayed };
}

/** The revocations an appeal ruling causes; a refusal is logged (by react) and stops nothing else. */
async function revoke(deps: PenaltiesDeps, event: EventEnvelope, reversals: FindingReversed[]): Promise<{ eventIds: string[]; replayed: boolean }> {
  const eventIds: string[] = [];
  let replayed = false;
  for (const reversal of reversals) {
    const ctx = contextFromEvent(event, { group: PENALTIES_GROUP, actor: PENALTIES_ACTOR, effect: `revoke-${reversal.year}` });
    const result = await react(event, deps.log, () => runShopPenaltyCommand(deps.handler, 'RevokeAssessment', reversal, ctx));
    if (isRefused(result)) continue;
    eventIds.push(...result.eventIds);
    replayed ||= result.replayed && result.eventIds.length > 0;
  }
  return { eventIds, replayed };
}

/** Refund topic, group `penalties`: a late shipment's compensation records the violation at 0 points. */
export function onRefundEvent(deps: PenaltiesDeps, event: EventEnvelope): Promise<PenaltyReactionOutcome> {
  if (!REFUND_EVENTS_PENALTIES_REACT_TO.includes(event.type)) return Promise.resolve({ outcome: 'ignored' });
  return assess(deps, event, violationOfCompensation(event));
}

async function assess(deps: PenaltiesDeps, event: EventEnvelope, found: ViolationFound | undefined): Promise<PenaltyReactionOutcome> {
  if (!found) return { outcome: 'ignored' };
  const ctx = contextFromEvent(event, { group: PENALTIES_GROUP, actor: PENALTIES_ACTOR });
  const result = await react(event, deps.log, () => runShopPenaltyCommand(deps.handler, 'AssessViolation', found, ctx));
  if (isRefused(result)) return result;
  return { outcome: 'applied', eventIds: result.eventIds, replayed: result.replayed };
}
