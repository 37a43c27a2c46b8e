import { deciderSpec } from '@aftersales/kernel/testing';
import { complaintOpened, intakeDeadlines, refundCaseOpened } from '../testing/dispute-events';
import { openComplaint, openFromRefund } from '../testing/dispute-fixtures';
import { disputeDecider } from './dispute-decider';

const spec = deciderSpec(disputeDecider);

describe('a case is taken in', () => {
  it('given no case, when the buyer complains, then it opens with the first-response (24 h) and resolution (72 h) deadlines of the rulebook', () => {
    spec.given([]).when(openComplaint()).then([complaintOpened(), ...intakeDeadlines()]);
  });

  it('given no case, when the refund service escalates a refund, then the case starts in arbitration carrying the refund, with no shop deadlines', () => {
    spec.given([]).when(openFromRefund()).then([refundCaseOpened()]);
  });

  it('given the escalated refund opened its case, when the same escalation arrives again, then nothing changes', () => {
    spec.given([refundCaseOpened()]).when(openFromRefund()).thenNothing();
  });

  it('given an open case, when another intake names the same case id, then it is refused as a conflict', () => {
    spec.given([complaintOpened(), ...intakeDeadlines()]).when(openComplaint()).thenRefuses('dispute.open_case_exists');
  });
});
