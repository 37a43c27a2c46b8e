import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, isRefused, react } from '@aftersales/kernel';
import {
  DISPUTE_EVENTS_PENALTIES_REACT_TO,
  REFUND_EVENTS_PENALTIES_REACT_TO,
  violationOfCompensation,
  violationOfRuling,
  type ViolationFound,
} from '../policies';
import { runShopPenaltyCommand } from './penalty-handler';
import type { PenaltiesDeps, PenaltyReactionOutcome } from './penalties.types';

/** The consumer group of the penalty reactions (dispute and refund topics). */
export const PENALTIES_GROUP = 'penalties';
/** Assessments name the platform's penalty rules as their actor. */
export const PENALTIES_ACTOR = { id: 'penalties', role: 'system' } as const;

/** Dispute topic, group `penalties`: a ruling that found a violation assesses its points, once (key consumer:penalties:<eventId>). */
export function onDisputeEvent(deps: PenaltiesDeps, event: EventEnvelope): Promise<PenaltyReactionOutcome> {
  if (!DISPUTE_EVENTS_PENALTIES_REACT_TO.includes(event.type)) return Promise.resolve({ outcome: 'ignored' });
  return assess(deps, event, violationOfRuling(event));
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
