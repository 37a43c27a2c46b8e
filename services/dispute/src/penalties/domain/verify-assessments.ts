import { addDays, withoutUndefined } from '@aftersales/kernel';
import type { Rulebook, ViolationType } from '@aftersales/contracts';
import type { ShopPenaltyEventData } from './shop-penalty-events';
import { pointsFor, thresholdReached } from './shop-penalty-rules';

type Assessment = ShopPenaltyEventData<'PenaltyPointsAssessed'>;
type Restriction = ShopPenaltyEventData<'ShopRestricted'>;
type Revocation = ShopPenaltyEventData<'PenaltyPointsRevoked'>;
type Lift = ShopPenaltyEventData<'ShopRestrictionLifted'>;

/** The point decisions and lifts of a stream, in log order (the restrictions are matched to assessments by id). */
export type PenaltyDecision =
  | { type: 'PenaltyPointsAssessed'; data: Assessment }
  | { type: 'PenaltyPointsRevoked'; data: Revocation }
  | { type: 'ShopRestrictionLifted'; data: Lift };

/** What a ruling found, as a revocation's audit needs it. */
export interface RulingFinding {
  onAppeal: boolean;
  /** The violation the ruling finds against the shop (none when the merchant won). */
  stillFound?: ViolationType;
}

/** A recorded decision that recomputing from the log does not reproduce. */
export interface PenaltyMismatch {
  assessmentId: string;
  shopId: string;
  year: number;
  field: 'points' | 'previousPoints' | 'totalPoints' | 'violation' | 'restrictions' | 'rulebookVersion' | 'revokedAssessment' | 'reversal';
  recorded: unknown;
  recomputed: unknown;
  rule: { id: string; version: string };
}

/** What recomputing needs besides the stream: rulebooks by version, and the violation the source event established. */
export interface PenaltyAuditSources {
  rulebook(version: string): Rulebook | undefined;
  /** The violation the event with this id established; undefined when the event is not in this log. */
  violationOf(eventId: string): ViolationType | undefined;
  /** What the ruling with this event id found; undefined when it is not in this log. */
  rulingOf?(eventId: string): RulingFinding | undefined;
}

export interface StreamVerification {
  checked: number;
  mismatches: PenaltyMismatch[];
  /** Assessments whose source event is not in this log (its violation was not re-read). */
  sourcesNotInLog: number;
}

/**
 * Recomputes one shop-year stream in order: each assessment's points from the rulebook version it recorded, the
 * running total from the recomputed points before it (previous + points = total), its violation from the event it
 * was based on, and the restrictions the threshold it reached imposes (kind, threshold, end).
 */
export function verifyPenaltyStream(decisions: PenaltyDecision[], restrictions: Restriction[], sources: PenaltyAuditSources): StreamVerification {
  const lifts = decisions.flatMap((d) => (d.type === 'ShopRestrictionLifted' ? [d.data] : []));
  const mismatches: PenaltyMismatch[] = [];
  let sourcesNotInLog = 0;
  let running = 0;
  let checked = 0;
  /** Recomputed points of each assessment in force, by id. */
  const inForce = new Map<string, number>();
  /** Restrictions in force (as recorded), by kind and start. */
  let active: Restriction[] = [];
  for (const decision of decisions) {
    if (decision.type === 'ShopRestrictionLifted') {
      const lift = decision.data;
      active = active.filter((r) => !(r.kind === lift.kind && r.from === lift.restrictionFrom));
      continue;
    }
    checked++;
    if (decision.type === 'PenaltyPointsRevoked') {
      const verified = verifyRevocation(decision.data, running, inForce, active, lifts, sources);
      mismatches.push(...verified.mismatches);
      if (verified.sourceNotInLog) sourcesNotInLog++;
      running = verified.total;
      continue;
    }
    const a = decision.data;
    active = [...active, ...restrictions.filter((r) => r.assessmentId === a.assessmentId)];
    const rule = { id: a.ruleId, version: a.rulebookVersion };
    const mismatch = (field: PenaltyMismatch['field'], recorded: unknown, recomputed: unknown) =>
      mismatches.push({ assessmentId: a.assessmentId, shopId: a.shopId, year: a.year, field, recorded, recomputed, rule });
    const rulebook = sources.rulebook(a.rulebookVersion);
    if (!rulebook) {
      mismatch('rulebookVersion', a.rulebookVersion, null);
      running += a.points;
      inForce.set(a.assessmentId, a.points);
      continue;
    }
    const sourced = a.basedOn.map((id) => sources.violationOf(id)).find((v) => v !== undefined);
    if (sourced === undefined) sourcesNotInLog++;
    else if (sourced !== a.violation) mismatch('violation', a.violation, sourced);
    let points: number;
    try {
      points = pointsFor(rulebook, sourced ?? a.violation);
    } catch {
      mismatch('points', a.points, null);
      running += a.points;
      inForce.set(a.assessmentId, a.points);
      continue;
    }
    const total = running + points;
    if (a.points !== points) mismatch('points', a.points, points);
    if (a.previousPoints !== running) mismatch('previousPoints', a.previousPoints, running);
    if (a.totalPoints !== total) mismatch('totalPoints', a.totalPoints, total);
    const expected = expectedRestrictions(rulebook, a, running, total);
    const recorded = restrictions.filter((r) => r.assessmentId === a.assessmentId).map((r) => withoutUndefined({ kind: r.kind, atPoints: r.atPoints, from: r.from, until: r.until }));
    if (JSON.stringify(recorded) !== JSON.stringify(expected)) mismatch('restrictions', recorded, expected);
    running = total;
    inForce.set(a.assessmentId, points);
  }
  return { checked, mismatches, sourcesNotInLog };
}

/**
 * A revocation takes off the recomputed points of an assessment in force (previous - points = total), is based on a
 * ruling on appeal that no longer finds its violation, and lifts only restrictions whose threshold the total no longer
 * reaches.
 */
function verifyRevocation(r: Revocation, running: number, inForce: Map<string, number>, active: Restriction[], lifts: Lift[], sources: PenaltyAuditSources) {
  const mismatches: PenaltyMismatch[] = [];
  const rule = { id: r.ruleId, version: r.rulebookVersion };
  const mismatch = (field: PenaltyMismatch['field'], recorded: unknown, recomputed: unknown) =>
    mismatches.push({ assessmentId: r.assessmentId, shopId: r.shopId, year: r.year, field, recorded, recomputed, rule });
  const assessed = inForce.get(r.assessmentId);
  if (assessed === undefined) mismatch('revokedAssessment', r.assessmentId, null);
  const points = Math.min(assessed ?? r.points, running);
  const total = running - points;
  inForce.delete(r.assessmentId);
  const ruling = sources.rulingOf?.(r.basedOn[0]);
  if (ruling && (!ruling.onAppeal || ruling.stillFound === r.violation)) mismatch('reversal', { onAppeal: ruling.onAppeal, violation: r.violation }, ruling);
  if (r.points !== points) mismatch('points', r.points, points);
  if (r.previousPoints !== running) mismatch('previousPoints', r.previousPoints, running);
  if (r.totalPoints !== total) mismatch('totalPoints', r.totalPoints, total);
  const lifted = lifts.filter((l) => l.reason === 'points_revoked' && l.revokedAssessmentId === r.assessmentId).map((l) => ({ kind: l.kind, from: l.restrictionFrom }));
  const expected = active.filter((a) => a.atPoints > total).map((a) => ({ kind: a.kind, from: a.from }));
  if (JSON.stringify(lifted) !== JSON.stringify(expected)) mismatch('restrictions', lifted, expected);
  return { mismatches, total, sourceNotInLog: ruling === undefined };
}

function expectedRestrictions(rulebook: Rulebook, a: Assessment, previous: number, total: number) {
  const threshold = thresholdReached(rulebook, previous, total);
  if (!threshold) return [];
  return threshold.restrictions.map(({ kind, days }) =>
    withoutUndefined({ kind, atPoints: threshold.atPoints, from: a.assessedAt, until: days === undefined ? undefined : addDays(a.assessedAt, days) }),
  );
}
