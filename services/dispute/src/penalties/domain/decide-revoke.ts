import { invalid, ruleViolation, withoutUndefined } from '@aftersales/kernel';
import type { RevokeAssessment } from './shop-penalty-commands';
import { shopPenaltyEvent, type ShopPenaltyEvent } from './shop-penalty-events';
import { PENALTY_RULES } from './shop-penalty-rules';
import type { AssessmentRecord, ShopPenaltyState } from './shop-penalty-state';

/** The case's assessments in force that the appeal ruling no longer finds (not the one it still finds, nor its own). */
export const assessmentsReversedBy = (command: RevokeAssessment, state: ShopPenaltyState): AssessmentRecord[] =>
  state.assessments.filter(
    (a) =>
      !a.revoked &&
      a.disputeId === command.disputeId &&
      a.orderId === command.orderId &&
      a.rulingId !== command.rulingId &&
      a.violation !== command.stillFound,
  );

/**
 * Takes the points of each reversed assessment off the year's total; a restriction in force whose threshold the total
 * no longer reaches is lifted (points_revoked, naming the revocation after which it was no longer reached). Nothing to revoke (none made, or revoked already) decides nothing.
 */
export function decideRevoke(command: RevokeAssessment, state: ShopPenaltyState): ShopPenaltyEvent[] {
  if (command.basedOn.length === 0) throw invalid('a revocation names the events it is based on', [{ field: '/basedOn', message: 'empty' }]);
  if (state.year !== undefined && state.year !== command.year) {
    throw ruleViolation(PENALTY_RULES.yearMismatch, `this stream counts ${state.year}, not ${command.year}`);
  }
  const reversed = assessmentsReversedBy(command, state);
  if (reversed.length === 0 || state.shopId === undefined || state.year === undefined) return [];
  const { shopId, year } = state;
  const events: ShopPenaltyEvent[] = [];
  let total = state.totalPoints;
  let inForce = state.active;
  for (const a of reversed) {
    const previousPoints = total;
    total = Math.max(0, previousPoints - a.points);
    events.push(
      shopPenaltyEvent(
        'PenaltyPointsRevoked',
        withoutUndefined({
          assessmentId: a.assessmentId,
          shopId,
          year,
          orderId: a.orderId,
          disputeId: a.disputeId,
          rulingId: command.rulingId,
          violation: a.violation,
          previousPoints,
          points: previousPoints - total,
          totalPoints: total,
          ruleId: PENALTY_RULES.revokedOnAppeal,
          rulebookVersion: a.rulebookVersion,
          basedOn: [...command.basedOn, ...a.basedOn],
          revokedAt: command.at,
        }),
      ),
    );
    const below = inForce.filter((r) => r.atPoints > total);
    inForce = inForce.filter((r) => r.atPoints <= total);
    for (const r of below) {
      events.push(
        shopPenaltyEvent('ShopRestrictionLifted', {
          shopId,
          year,
          orderId: r.orderId,
          kind: r.kind,
          restrictionFrom: r.from,
          liftedAt: command.at,
          reason: 'points_revoked',
          revokedAssessmentId: a.assessmentId,
          atPoints: r.atPoints,
          totalPoints: total,
        }),
      );
    }
  }
  return events;
}
