import type { NoReasonReturnGrounds, RefundItem, ReturnCondition, Rulebook } from '@aftersales/contracts';
import { addDays, isAfter, ruleViolation, type DomainError } from '@aftersales/kernel';
import { concernedLines, receivedAtOf, type OrderFacts } from './order-facts';
import { NO_REASON_RULE_ID, RefundRules } from './refund-rules';

export type NoReasonGround = (typeof NoReasonReturnGrounds)[number];

export interface NoReasonEligibility {
  eligible: boolean;
  grounds: NoReasonGround[];
  receivedAt?: string;
  windowEndsAt?: string;
  excludedCategories: string[];
  rule: { ruleId: string; rulebookVersion: string };
}

/**
 * 7-day no-reason return (七天无理由): within noReasonReturnDays of receipt, none of the concerned goods in an excluded
 * category, goods intact as the buyer declares them (the merchant checks them again on arrival).
 */
export function noReasonEligibility(
  order: OrderFacts,
  items: RefundItem[] | undefined,
  declaredCondition: ReturnCondition,
  at: string,
  rulebook: Rulebook,
): NoReasonEligibility {
  const { noReasonReturnDays, noReasonExcludedCategories } = rulebook.refund;
  const grounds: NoReasonGround[] = [];
  const receivedAt = receivedAtOf(order);
  const windowEndsAt = receivedAt === undefined ? undefined : addDays(receivedAt, noReasonReturnDays);
  if (windowEndsAt === undefined) grounds.push('not_yet_received');
  else if (isAfter(at, windowEndsAt)) grounds.push('outside_window');
  const excludedCategories = [
    ...new Set(
      concernedLines(order, items)
        .map((line) => line.category)
        .filter((category): category is string => category !== undefined && noReasonExcludedCategories.includes(category)),
    ),
  ];
  if (excludedCategories.length > 0) grounds.push('excluded_category');
  if (declaredCondition !== 'intact') grounds.push('goods_not_intact');
  const eligible = grounds.length === 0;
  return {
    eligible,
    grounds: eligible ? ['within_window'] : grounds,
    ...(receivedAt ? { receivedAt } : {}),
    ...(windowEndsAt ? { windowEndsAt } : {}),
    excludedCategories,
    rule: { ruleId: NO_REASON_RULE_ID, rulebookVersion: rulebook.version },
  };
}

const refusalCodes: Record<Exclude<NoReasonGround, 'within_window'>, string> = {
  not_yet_received: RefundRules.noReasonNotYetReceived,
  outside_window: RefundRules.noReasonWindowExpired,
  excluded_category: RefundRules.noReasonExcludedCategory,
  goods_not_intact: RefundRules.noReasonGoodsNotIntact,
};

const messages: Record<Exclude<NoReasonGround, 'within_window'>, (e: NoReasonEligibility) => string> = {
  not_yet_received: () => 'the 7-day no-reason return counts from receipt, and the goods have not been received yet',
  outside_window: (e) => `the 7-day no-reason return window ended at ${e.windowEndsAt}`,
  excluded_category: (e) => `goods of category ${e.excludedCategories.join(', ')} are excluded from the 7-day no-reason return`,
  goods_not_intact: () => 'the 7-day no-reason return needs the goods intact (packaging, tags and accessories)',
};

/** The 422 refusing an ineligible request: it names the first failed rule and carries every finding. */
export function noReasonRefusal(eligibility: NoReasonEligibility): DomainError {
  const first = eligibility.grounds[0] as Exclude<NoReasonGround, 'within_window'>;
  return ruleViolation(refusalCodes[first], messages[first](eligibility), {
    grounds: eligibility.grounds,
    receivedAt: eligibility.receivedAt,
    windowEndsAt: eligibility.windowEndsAt,
    excludedCategories: eligibility.excludedCategories,
    rulebookVersion: eligibility.rule.rulebookVersion,
  });
}
