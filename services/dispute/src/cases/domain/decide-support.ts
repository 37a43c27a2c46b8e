import type { DisputeCaseEvent, DisputeCaseEventType, DisputeStatus } from '@aftersales/contracts';
import { illegalTransition, notFound, withoutUndefined } from '@aftersales/kernel';
import type { DisputeCase, DisputeState } from './dispute-state';

type CaseEventData<T extends DisputeCaseEventType> = Extract<DisputeCaseEvent, { type: T }>['data'];

/** Builds a typed case event, leaving out optional fields that are undefined. */
export const disputeEvent = <T extends DisputeCaseEventType>(type: T, data: CaseEventData<T>): DisputeCaseEvent =>
  ({ type, data: withoutUndefined(data) }) as DisputeCaseEvent;

export function requireCase(state: DisputeState, disputeId: string): DisputeCase {
  if (state === null) throw notFound('dispute', disputeId);
  return state;
}

export const caseKeys = (c: DisputeCase) => ({ disputeId: c.id, orderId: c.orderId, shopId: c.shopId });

/** The status change that goes with an event that moves the case; nothing when it stays where it is. */
export function statusChange(c: DisputeCase, to: DisputeStatus, at: string, cause?: string): DisputeCaseEvent[] {
  if (c.status === to) return [];
  return [disputeEvent('DisputeStatusChanged', { ...caseKeys(c), from: c.status, to, cause, at })];
}

/** A command that acts on a case that is over is refused, naming the status. */
export function requireRunning(c: DisputeCase, what: string): void {
  if (c.status === 'resolved' || c.status === 'closed') throw illegalTransition(what, c.status);
}

export function requireStatus(c: DisputeCase, what: string, allowed: readonly DisputeStatus[]): void {
  if (!allowed.includes(c.status)) throw illegalTransition(what, c.status);
}

/** Every deadline still running stops: the case ended (or moved past them, into arbitration). */
export function clearRunningDeadlines(c: DisputeCase, at: string, metrics: readonly RunningMetric[] = RUNNING_METRICS): DisputeCaseEvent[] {
  const keys = caseKeys(c);
  const running = metrics
    .filter((metric) => c.deadlines[metric] !== undefined)
    .map((metric) => disputeEvent('DisputeDeadlineCleared', { ...keys, metric, reason: 'case_ended', at }));
  return running;
}

/** Evidence requests still waiting for their answer stop counting (the case was ruled on or ended). */
export function clearOpenEvidenceRequests(c: DisputeCase, at: string): DisputeCaseEvent[] {
  return c.evidenceRequests
    .filter((r) => r.submittedAt === undefined && !r.overdue)
    .map((r) => disputeEvent('DisputeDeadlineCleared', { ...caseKeys(c), metric: 'evidence', requestId: r.id, reason: 'case_ended', at }));
}

/**
 * Leaving awaiting_buyer: the wait on the buyer is over (met) and the resolution clock runs again, its deadline moved
 * by the time it stood still. The moved deadline keeps the rule and rulebook version that first set it.
 */
export function resumeResolutionClock(c: DisputeCase, at: string): DisputeCaseEvent[] {
  if (c.status !== 'awaiting_buyer') return [];
  const keys = caseKeys(c);
  const events: DisputeCaseEvent[] = [];
  if (c.deadlines.awaiting_buyer) events.push(disputeEvent('DisputeDeadlineCleared', { ...keys, metric: 'awaiting_buyer', reason: 'met', at }));
  const paused = c.pausedResolution;
  if (paused && c.pausedSince) {
    const pausedMs = Math.max(0, Date.parse(at) - Date.parse(c.pausedSince));
    events.push(
      disputeEvent('DisputeDeadlineSet', {
        ...keys,
        metric: 'resolution',
        dueAt: new Date(Date.parse(paused.dueAt) + pausedMs).toISOString(),
        pausedSeconds: Math.round(pausedMs / 1000),
        ruleId: paused.ruleId,
        rulebookVersion: paused.rulebookVersion,
        basedOn: [],
        setAt: at,
      }),
    );
  }
  return events;
}

export type RunningMetric = 'first_response' | 'resolution' | 'awaiting_buyer';
export const RUNNING_METRICS: readonly RunningMetric[] = ['first_response', 'resolution', 'awaiting_buyer'];

/** The end of a case: it resolves, and every clock still running stops. */
export function resolveCase(c: DisputeCase, at: string, resolution: { remedyId?: string; rulingId?: string }): DisputeCaseEvent[] {
  return [
    disputeEvent('DisputeResolved', {
      ...caseKeys(c),
      resolution: resolution.remedyId ? 'remedy_accepted' : 'ruling_final',
      remedyId: resolution.remedyId,
      rulingId: resolution.rulingId,
      evidence: [],
      resolvedAt: at,
    }),
    ...statusChange(c, 'resolved', at),
    ...clearRunningDeadlines(c, at),
    ...clearOpenEvidenceRequests(c, at),
  ];
}
