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
