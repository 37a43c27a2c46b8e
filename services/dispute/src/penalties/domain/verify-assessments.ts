import { addDays, withoutUndefined } from '@aftersales/kernel';
import type { Rulebook, ViolationType } from '@aftersales/contracts';
import type { ShopPenaltyEventData } from './shop-penalty-events';
import { pointsFor, thresholdReached } from './shop-penalty-rules';

type Assessment = ShopPenaltyEventData<'PenaltyPointsAssessed'>;
type Restriction = ShopPenaltyEventData<'ShopRestricted'>;

/** A recorded decision that recomputing from the log does not reproduce. */
export interface PenaltyMismatch {
  assessmentId: string;
  shopId: string;
  year: number;
  field: 'points' | 'previousPoints' | 'totalPoints' | 'violation' | 'restrictions' | 'rulebookVersion';
  recorded: unknown;
  recomputed: unknown;
  rule: { id: string; version: string };
}

/** What recomputing needs besides the stream: rulebooks by version, and the violation the source event established. */
export interface PenaltyAuditSources {
  rulebook(version: string): Rulebook | undefined;
  /** The violation the event with this id established; undefined when the event is not in this log. */
  violationOf(eventId: string): ViolationType | undefined;
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
export function verifyPenaltyStream(assessments: Assessment[], restrictions: Restriction[], sources: PenaltyAuditSources): StreamVerification {
  const mismatches: PenaltyMismatch[] = [];
  let sourcesNotInLog = 0;
  let running = 0;
  for (const a of assessments) {
    const rule = { id: a.ruleId, version: a.rulebookVersion };
    const mismatch = (field: PenaltyMismatch['field'], recorded: unknown, recomputed: unknown) =>
      mismatches.push({ assessmentId: a.assessmentId, shopId: a.shopId, year: a.year, field, recorded, recomputed, rule });
    const rulebook = sources.rulebook(a.rulebookVersion);
    if (!rulebook) {
      mismatch('rulebookVersion', a.rulebookVersion, null);
      running += a.points;
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
  }
  return { checked: assessments.length, mismatches, sourcesNotInLog };
}

function expectedRestrictions(rulebook: Rulebook, a: Assessment, previous: number, total: number) {
  const threshold = thresholdReached(rulebook, previous, total);
  if (!threshold) return [];
  return threshold.restrictions.map(({ kind, days }) =>
    withoutUndefined({ kind, atPoints: threshold.atPoints, from: a.assessedAt, until: days === undefined ? undefined : addDays(a.assessedAt, days) }),
  );
}
