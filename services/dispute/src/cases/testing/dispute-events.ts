import type { DisputeCaseEvent, DisputeCaseEventType } from '@aftersales/contracts';
import { withoutUndefined } from '@aftersales/kernel';
import { DISPUTE_ID, hoursAfterT0, ORDER_FACT_EVENTS, ORDER_ID, PAID, rulebook, T0 } from './dispute-fixtures';

/*
 * The case's events exactly as the decider writes them, for histories stated as facts:
 * `deciderSpec(disputeDecider).given([complaintOpened(), ...intakeDeadlines()]).when(...).then([...])`.
 */

type Data<T extends DisputeCaseEventType> = Extract<DisputeCaseEvent, { type: T }>['data'];

export const caseEvent = <T extends DisputeCaseEventType>(type: T, data: Data<T>): DisputeCaseEvent =>
  ({ type, data: withoutUndefined(data) }) as DisputeCaseEvent;

export const ofTheCase = { disputeId: DISPUTE_ID, orderId: ORDER_ID, shopId: 'shop-1' };
const rules = rulebook.dispute!;

export const complaintOpened = (overrides: Partial<Data<'DisputeOpened'>> = {}): DisputeCaseEvent =>
  caseEvent('DisputeOpened', {
    ...ofTheCase,
    buyerId: 'buyer-1',
    origin: 'buyer_complaint',
    category: 'not_as_described',
    description: 'The colour is not the one in the photos.',
    evidence: [],
    status: 'open',
    openedBy: 'buyer-1',
    openedAt: T0,
    currency: 'CNY',
    paidAmount: PAID,
    ...overrides,
  });

export const refundCaseOpened = (overrides: Partial<Data<'DisputeOpened'>> = {}): DisputeCaseEvent =>
  complaintOpened({ origin: 'refund_escalation', refundId: 'rfd-1', status: 'arbitration', openedBy: 'refund', claimedAmount: PAID, ...overrides });

export const deadlineSet = (overrides: Partial<Data<'DisputeDeadlineSet'>> & Pick<Data<'DisputeDeadlineSet'>, 'metric' | 'dueAt' | 'ruleId'>): DisputeCaseEvent =>
  caseEvent('DisputeDeadlineSet', {
    ...ofTheCase,
    rulebookVersion: rulebook.version,
    basedOn: ORDER_FACT_EVENTS,
    setAt: T0,
    ...overrides,
  });

/** The first-response (24 h) and resolution (72 h) deadlines a complaint gets at intake. */
export const intakeDeadlines = (): DisputeCaseEvent[] => [
  deadlineSet({ metric: 'first_response', dueAt: hoursAfterT0(rules.firstResponse.withinHours), ruleId: rules.firstResponse.ruleId }),
  deadlineSet({ metric: 'resolution', dueAt: hoursAfterT0(rules.resolution.withinHours), ruleId: rules.resolution.ruleId }),
];

export const statusChanged = (from: Data<'DisputeStatusChanged'>['from'], to: Data<'DisputeStatusChanged'>['to'], at: string): DisputeCaseEvent =>
  caseEvent('DisputeStatusChanged', { ...ofTheCase, from, to, at });

export const deadlineCleared = (
  metric: Data<'DisputeDeadlineCleared'>['metric'],
  reason: Data<'DisputeDeadlineCleared'>['reason'],
  at: string,
  requestId?: string,
): DisputeCaseEvent => caseEvent('DisputeDeadlineCleared', { ...ofTheCase, metric, requestId, reason, at });

export const messagePosted = (overrides: Partial<Data<'DisputeMessagePosted'>> = {}): DisputeCaseEvent =>
  caseEvent('DisputeMessagePosted', {
    ...ofTheCase,
    messageId: 'msg-1',
    authorId: 'agent-1',
    authorParty: 'merchant',
    visibility: 'parties',
    text: 'Could you send a photo in daylight?',
    awaitingReply: false,
    postedAt: hoursAfterT0(2),
    ...overrides,
  });

export const remedyProposed = (overrides: Partial<Data<'DisputeRemedyProposed'>> = {}): DisputeCaseEvent =>
  caseEvent('DisputeRemedyProposed', {
    ...ofTheCase,
    remedyId: 'rem-1',
    kind: 'partial_refund',
    amount: 15000,
    currency: 'CNY',
    description: 'We refund 150 CNY and you keep the item.',
    requiresSupervisorApproval: false,
    approvalThreshold: rules.remedyApproval.supervisorApprovalAboveMinor,
    ruleId: rules.remedyApproval.ruleId,
    rulebookVersion: rulebook.version,
    proposedBy: 'agent-1',
    proposedAt: hoursAfterT0(3),
    ...overrides,
  });

export const evidenceRequested = (overrides: Partial<Data<'DisputeEvidenceRequested'>> = {}): DisputeCaseEvent =>
  caseEvent('DisputeEvidenceRequested', {
    ...ofTheCase,
    requestId: 'evr-1',
    party: 'merchant',
    description: 'Photos of the item as shipped.',
    dueBy: hoursAfterT0(1 + rules.evidence.defaultDueInHours),
    requestedBy: 'plat-1',
    ruleId: rules.evidence.ruleId,
    rulebookVersion: rulebook.version,
    requestedAt: hoursAfterT0(1),
    ...overrides,
  });

export const ruled = (overrides: Partial<Data<'DisputeRuled'>> = {}): DisputeCaseEvent =>
  caseEvent('DisputeRuled', {
    ...ofTheCase,
    buyerId: 'buyer-1',
    refundId: 'rfd-1',
    rulingId: 'rul-1',
    outcome: 'buyer_wins',
    refundAmount: PAID,
    violation: 'not_as_described',
    reason: 'The photos show another colour.',
    ruledBy: 'plat-1',
    ruledAt: hoursAfterT0(100),
    appealBy: hoursAfterT0(100 + rules.appeal.withinDays * 24),
    appealRuleId: rules.appeal.ruleId,
    rulebookVersion: rulebook.version,
    onAppeal: false,
    currency: 'CNY',
    basedOn: ['evt-1'],
    ...overrides,
  });
