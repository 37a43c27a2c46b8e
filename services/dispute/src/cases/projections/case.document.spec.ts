import { deciderSpec } from '@aftersales/kernel/testing';
import { disputeDecider } from '../domain';
import { caseEvent, complaintOpened, intakeDeadlines, messagePosted, ofTheCase, deadlineCleared, statusChanged } from '../testing/dispute-events';
import { hoursAfterT0, rulebook } from '../testing/dispute-fixtures';
import { isOverdue, nextDeadlineOf, toCaseDocument } from './case.document';

const stateOf = (events: Parameters<ReturnType<typeof deciderSpec>['given']>[0]) => deciderSpec(disputeDecider).given(events).state!;
const firstResponseBreach = caseEvent('DisputeSlaBreached', {
  ...ofTheCase,
  metric: 'first_response',
  dueAt: hoursAfterT0(24),
  breachedAt: hoursAfterT0(24),
  ruleId: 'dispute.first_response',
  rulebookVersion: rulebook.version,
});

describe('where a case stands in the queue', () => {
  it('given a new complaint, then its next deadline is the first response and it is not overdue', () => {
    const c = stateOf([complaintOpened(), ...intakeDeadlines()]);
    expect(nextDeadlineOf(c)).toBe(hoursAfterT0(24));
    expect(isOverdue(c)).toBe(false);
    expect(toCaseDocument(c, 2).queueKey).toBe(`${hoursAfterT0(24)}|${c.id}`);
  });

  it('given a breached first response, then the case is overdue and sorts by the missed deadline until the shop writes', () => {
    const breached = [complaintOpened(), ...intakeDeadlines(), firstResponseBreach];
    expect(isOverdue(stateOf(breached))).toBe(true);
    expect(nextDeadlineOf(stateOf(breached))).toBe(hoursAfterT0(24));
    const answered = [
      ...breached,
      messagePosted({ postedAt: hoursAfterT0(30) }),
      deadlineCleared('first_response', 'met', hoursAfterT0(30)),
      statusChanged('open', 'in_progress', hoursAfterT0(30)),
    ];
    expect(isOverdue(stateOf(answered))).toBe(false);
    expect(nextDeadlineOf(stateOf(answered))).toBe(hoursAfterT0(72));
  });
});
