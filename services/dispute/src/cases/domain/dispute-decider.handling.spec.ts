import { deciderSpec } from '@aftersales/kernel/testing';
import {
  caseEvent,
  complaintOpened,
  deadlineCleared,
  deadlineSet,
  intakeDeadlines,
  messagePosted,
  ofTheCase,
  statusChanged,
} from '../testing/dispute-events';
import { DISPUTE_ID, hoursAfterT0, rulebook } from '../testing/dispute-fixtures';
import type { PostMessage } from './dispute-commands';
import { disputeDecider } from './dispute-decider';

const spec = deciderSpec(disputeDecider);
const rules = rulebook.dispute!;
const opened = [complaintOpened(), ...intakeDeadlines()];

const message = (overrides: Partial<PostMessage> = {}): PostMessage => ({
  type: 'PostMessage',
  disputeId: DISPUTE_ID,
  at: hoursAfterT0(2),
  author: { id: 'agent-1', party: 'merchant' },
  text: 'Could you send a photo in daylight?',
  visibility: 'parties',
  awaitingReply: false,
  ...overrides,
});

/** The shop asked the buyer at 2 h and waits; the resolution clock (due at 72 h) stood still from then. */
const waitingOnBuyer = [
  ...opened,
  messagePosted({ awaitingReply: true }),
  deadlineCleared('first_response', 'met', hoursAfterT0(2)),
  statusChanged('open', 'awaiting_buyer', hoursAfterT0(2)),
  deadlineCleared('resolution', 'paused', hoursAfterT0(2)),
  deadlineSet({
    metric: 'awaiting_buyer',
    dueAt: hoursAfterT0(2 + rules.awaitingBuyer.closeAfterDays * 24),
    ruleId: rules.awaitingBuyer.ruleId,
    basedOn: [],
    setAt: hoursAfterT0(2),
  }),
];

describe('assignment', () => {
  it('given an open case, when a supervisor assigns it, then the assignee is recorded; assigning the same person again changes nothing', () => {
    const assign = { type: 'AssignDispute', disputeId: DISPUTE_ID, at: hoursAfterT0(1), assigneeId: 'agent-1', assignedBy: 'sup-1' } as const;
    const assigned = caseEvent('DisputeAssigned', { ...ofTheCase, assigneeId: 'agent-1', assignedBy: 'sup-1', assignedAt: hoursAfterT0(1) });
    spec.given(opened).when(assign).then([assigned]);
    spec.given([...opened, assigned]).when(assign).thenNothing();
  });
});

describe('messages and the first response', () => {
  it("given an open complaint, when the shop first writes to the buyer, then the first response is met and the case is in progress", () => {
    spec
      .given(opened)
      .when(message())
      .then([messagePosted(), deadlineCleared('first_response', 'met', hoursAfterT0(2)), statusChanged('open', 'in_progress', hoursAfterT0(2))]);
  });

  it('given an open complaint, when the shop writes an internal note, then the first response still runs', () => {
    spec.given(opened).when(message({ visibility: 'internal' })).then([messagePosted({ visibility: 'internal' })]);
  });

  it('given an open case, when the buyer tries an internal note, then it is refused', () => {
    spec.given(opened).when(message({ author: { id: 'buyer-1', party: 'buyer' }, visibility: 'internal' })).thenRefuses('dispute.internal_message_by_buyer');
  });

  it('given an open case, when the shop waits on the buyer, then the resolution clock pauses and the wait gets its deadline from the rulebook', () => {
    spec.given(opened).when(message({ awaitingReply: true })).then(waitingOnBuyer.slice(opened.length));
  });

  it('given a case waiting on the buyer for 10 h, when the buyer answers, then it is in progress and the resolution deadline moved by the 10 h paused', () => {
    spec
      .given(waitingOnBuyer)
      .when(message({ author: { id: 'buyer-1', party: 'buyer' }, at: hoursAfterT0(12), text: 'Here it is.' }))
      .then([
        messagePosted({ messageId: 'msg-2', authorId: 'buyer-1', authorParty: 'buyer', text: 'Here it is.', postedAt: hoursAfterT0(12) }),
        statusChanged('awaiting_buyer', 'in_progress', hoursAfterT0(12)),
        deadlineCleared('awaiting_buyer', 'met', hoursAfterT0(12)),
        deadlineSet({
          metric: 'resolution',
          dueAt: hoursAfterT0(rules.resolution.withinHours + 10),
          pausedSeconds: 10 * 3600,
          ruleId: rules.resolution.ruleId,
          basedOn: [],
          setAt: hoursAfterT0(12),
        }),
      ]);
  });
});

describe('escalation', () => {
  const escalate = (to: 'supervisor' | 'platform') =>
    ({ type: 'EscalateDispute', disputeId: DISPUTE_ID, at: hoursAfterT0(5), to, reason: 'No answer.', escalatedBy: 'buyer-1', party: 'buyer' }) as const;
  const escalated = (to: 'supervisor' | 'platform') =>
    caseEvent('DisputeEscalated', { ...ofTheCase, to, reason: 'No answer.', escalatedBy: 'buyer-1', party: 'buyer', at: hoursAfterT0(5) });

  it('given an open case, when the buyer escalates to a supervisor, then it is escalated and its clocks keep running', () => {
    spec.given(opened).when(escalate('supervisor')).then([escalated('supervisor'), statusChanged('open', 'escalated', hoursAfterT0(5))]);
  });

  it("given an open case, when the buyer escalates to the platform, then it is in arbitration and the shop's clocks stop", () => {
    spec
      .given(opened)
      .when(escalate('platform'))
      .then([
        escalated('platform'),
        statusChanged('open', 'arbitration', hoursAfterT0(5)),
        deadlineCleared('first_response', 'case_ended', hoursAfterT0(5)),
        deadlineCleared('resolution', 'case_ended', hoursAfterT0(5)),
      ]);
  });

  it('given a case in arbitration, when someone escalates to a supervisor, then it is refused naming the status', () => {
    const error = spec.given([...opened, statusChanged('open', 'arbitration', hoursAfterT0(5))]).when(escalate('supervisor')).thenRefuses('illegal_transition');
    expect(error.details).toEqual({ currentStatus: 'arbitration' });
  });
});

describe('deadlines falling due', () => {
  const check = (metric: 'first_response' | 'resolution' | 'awaiting_buyer', hours: number) =>
    ({ type: 'CheckDeadline', disputeId: DISPUTE_ID, at: hoursAfterT0(hours), metric }) as const;

  it('given no answer from the shop, when the first response falls due at 24 h, then the breach is recorded with the rule and rulebook version', () => {
    spec.given(opened).when(check('first_response', 24)).then([
      caseEvent('DisputeSlaBreached', {
        ...ofTheCase,
        metric: 'first_response',
        dueAt: hoursAfterT0(24),
        breachedAt: hoursAfterT0(24),
        ruleId: rules.firstResponse.ruleId,
        rulebookVersion: rulebook.version,
      }),
    ]);
  });

  it('given the shop answered in time, when the first-response timer fires, then nothing happens', () => {
    spec.given([...opened, messagePosted(), deadlineCleared('first_response', 'met', hoursAfterT0(2))]).when(check('first_response', 24)).thenNothing();
  });

  it('given a paused resolution clock, when the original resolution time comes, then nothing is breached', () => {
    spec.given(waitingOnBuyer).when(check('resolution', 72)).thenNothing();
  });

  it('given the buyer never answered, when the wait falls due, then the case closes as buyer_unresponsive naming the rule', () => {
    const due = 2 + rules.awaitingBuyer.closeAfterDays * 24;
    spec.given(waitingOnBuyer).when(check('awaiting_buyer', due)).then([
      caseEvent('DisputeClosed', {
        ...ofTheCase,
        reason: 'buyer_unresponsive',
        ruleId: rules.awaitingBuyer.ruleId,
        rulebookVersion: rulebook.version,
        closedAt: hoursAfterT0(due),
      }),
      statusChanged('awaiting_buyer', 'closed', hoursAfterT0(due)),
    ]);
  });
});
