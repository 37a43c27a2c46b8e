import type { Rulebook } from '@aftersales/contracts';
import { addDays, invalid, ruleViolation, withoutUndefined } from '@aftersales/kernel';
import type { AssessViolation } from './shop-penalty-commands';
import { shopPenaltyEvent, type ShopPenaltyEvent } from './shop-penalty-events';
import { assessmentIdOf, PENALTY_RULES, pointsFor, pointsRuleIdOf, thresholdReached } from './shop-penalty-rules';
import type { ShopPenaltyState } from './shop-penalty-state';

/**
 * Points for a violation from the rulebook, added to the year's total; reaching a threshold restricts the shop as the
 * threshold says, each temporary restriction with its end. Once per order and violation type.
 */
export function decideAssessment(command: AssessViolation, state: ShopPenaltyState, rulebook: Rulebook): ShopPenaltyEvent[] {
  if (command.basedOn.length === 0) throw invalid('an assessment names the events it is based on', [{ field: '/basedOn', message: 'empty' }]);
  if (state.year !== undefined && state.year !== command.year) {
    throw ruleViolation(PENALTY_RULES.yearMismatch, `this stream counts ${state.year}, not ${command.year}`);
  }
  const assessmentId = assessmentIdOf(command.orderId, command.violation);
  if (state.assessmentIds.includes(assessmentId)) return [];
  const points = pointsFor(rulebook, command.violation);
  const previousPoints = state.totalPoints;
  const totalPoints = previousPoints + points;
  const { shopId, year, orderId, at } = command;
  const assessed = shopPenaltyEvent(
    'PenaltyPointsAssessed',
    withoutUndefined({
      assessmentId,
      shopId,
      year,
      orderId,
      disputeId: command.disputeId,
      rulingId: command.rulingId,
      compensationId: command.compensationId,
      violation: command.violation,
      previousPoints,
      points,
      totalPoints,
      ruleId: pointsRuleIdOf(rulebook),
      rulebookVersion: rulebook.version,
      basedOn: command.basedOn,
      assessedAt: at,
    }),
  );
  const threshold = thresholdReached(rulebook, previousPoints, totalPoints);
  if (!threshold) return [assessed];
  const restrictions = threshold.restrictions.map(({ kind, days }) =>
    shopPenaltyEvent(
      'ShopRestricted',
      withoutUndefined({
        shopId,
        year,
        orderId,
        kind,
        from: at,
        until: days === undefined ? undefined : addDays(at, days),
        atPoints: threshold.atPoints,
        totalPoints,
        thresholdRuleId: threshold.ruleId,
        rulebookVersion: rulebook.version,
        assessmentId,
        basedOn: command.basedOn,
      }),
    ),
  );
  return [assessed, ...restrictions];
}
