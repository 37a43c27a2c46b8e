import { deciderSpec } from '@aftersales/kernel/testing';
import { caseEvent, deadlineCleared, deadlineSet, evidenceRequested, ofTheCase, refundCaseOpened, ruled, statusChanged } from '../testing/dispute-events';
import { DISPUTE_ID, hoursAfterT0, PAID, rulebook } from '../testing/dispute-fixtures';
import type { AppealRuling, RuleDispute, SubmitEvidence } from './dispute-commands';
import { disputeDecider } from './dispute-decider';

const spec = deciderSpec(disputeDecider);
const rules = rulebook.dispute!;
const evidenceDue = hoursAfterT0(1 + rules.evidence.defaultDueInHours);
const requested = [
  refundCaseOpened(),
  evidenceRequested(),
  deadlineSet({ metric: 'evidence', requestId: 'evr-1', dueAt: evidenceDue, ruleId: rules.evidence.ruleId, basedOn: [], setAt: hoursAfterT0(1) }),
];
const submit = (overrides: Partial<SubmitEvidence> = {}): SubmitEvidence => ({
  type: 'SubmitEvidence',
  disputeId: DISPUTE_ID,
  at: hoursAfterT0(10),
  requestId: 'evr-1',
  party: 'merchant',
  evidence: [{ kind: 'photo', ref: 'media/shipped.jpg' }],
  submittedBy: 'agent-1',
  ...overrides,
});
const submitted = caseEvent('DisputeEvidenceSubmitted', {
  ...ofTheCase,
  requestId: 'evr-1',
  party: 'merchant',
  evidence: [{ kind: 'photo', ref: 'media/shipped.jpg' }],
  submittedBy: 'agent-1',
  submittedAt: hoursAfterT0(10),
});
const rule = (overrides: Partial<RuleDispute> = {}): RuleDispute => ({
  type: 'RuleDispute',
  disputeId: DISPUTE_ID,
  at: hoursAfterT0(100),
  outcome: 'buyer_wins',
  refundAmount: PAID,
  violation: 'not_as_described',
  reason: 'The photos show another colour.',
  ruledBy: 'plat-1',
  basedOn: ['evt-1'],
  ...overrides,
});
const wasRuled = [refundCaseOpened(), ruled(), statusChanged('arbitration', 'ruled', hoursAfterT0(100))];
const appeal = (party: 'buyer' | 'merchant', hours: number): AppealRuling => ({
  type: 'AppealRuling',
  disputeId: DISPUTE_ID,
  at: hoursAfterT0(hours),
  party,
  reason: 'Wrong.',
  evidence: [],
  appealedBy: party === 'buyer' ? 'buyer-1' : 'agent-1',
});

describe('evidence', () => {
  it('given a case in arbitration, when the platform asks the shop for evidence, then it is due after the rulebook default of 72 h, as a deadline naming the rule', () => {
    spec
      .given([refundCaseOpened()])
      .when({ type: 'RequestEvidence', disputeId: DISPUTE_ID, at: hoursAfterT0(1), party: 'merchant', description: 'Photos of the item as shipped.', requestedBy: 'plat-1' })
      .then(requested.slice(1));
  });

  it('given a request, when the shop answers in time, then it is recorded and its deadline met', () => {
    spec.given(requested).when(submit()).then([submitted, deadlineCleared('evidence', 'met', hoursAfterT0(10), 'evr-1')]);
  });

  it('given an answered request, when the shop answers again, then it is refused as a conflict', () => {
    spec.given([...requested, submitted]).when(submit()).thenRefuses('dispute.evidence_already_submitted');
  });

  it('given a request to the shop, when the buyer answers it, then it is refused', () => {
    spec.given(requested).when(submit({ party: 'buyer' })).thenRefuses('dispute.evidence_wrong_party');
  });

  it('given an unanswered request, when its due date comes, then it is recorded overdue and as an evidence breach; a late answer is refused', () => {
    const overdue = [
      caseEvent('DisputeEvidenceOverdue', { ...ofTheCase, requestId: 'evr-1', party: 'merchant', dueBy: evidenceDue, recordedAt: evidenceDue }),
      caseEvent('DisputeSlaBreached', {
        ...ofTheCase,
        metric: 'evidence',
        requestId: 'evr-1',
        dueAt: evidenceDue,
        breachedAt: evidenceDue,
        ruleId: rules.evidence.ruleId,
        rulebookVersion: rulebook.version,
      }),
    ];
    spec.given(requested).when({ type: 'CheckDeadline', disputeId: DISPUTE_ID, at: evidenceDue, metric: 'evidence', requestId: 'evr-1' }).then(overdue);
    spec.given([...requested, ...overdue]).when(submit({ at: hoursAfterT0(80) })).thenRefuses('dispute.evidence_overdue');
  });

  it('given an answered request, when its timer fires, then nothing happens', () => {
    spec.given([...requested, submitted]).when({ type: 'CheckDeadline', disputeId: DISPUTE_ID, at: evidenceDue, metric: 'evidence', requestId: 'evr-1' }).thenNothing();
  });
});

describe('ruling and appeal', () => {
  it('given a case in arbitration, when the platform rules, then appealBy is the ruling time plus the 7-day window and open evidence requests stop', () => {
    spec.given(requested).when(rule()).then([
      ruled(),
      statusChanged('arbitration', 'ruled', hoursAfterT0(100)),
      deadlineCleared('evidence', 'case_ended', hoursAfterT0(100), 'evr-1'),
    ]);
  });

  it('given an order paid 35900, when a ruling refunds more, then it is refused', () => {
    spec.given([refundCaseOpened()]).when(rule({ refundAmount: PAID + 1 })).thenRefuses('dispute.ruling_refund_above_paid');
  });

  it('given a buyer_wins ruling, when the shop appeals within the window, then the case is back in arbitration', () => {
    spec.given(wasRuled).when(appeal('merchant', 110)).then([
      caseEvent('DisputeAppealed', { ...ofTheCase, party: 'merchant', reason: 'Wrong.', evidence: [], appealedBy: 'agent-1', appealedAt: hoursAfterT0(110), rulingId: 'rul-1' }),
      statusChanged('ruled', 'arbitration', hoursAfterT0(110)),
    ]);
  });

  it('given a buyer_wins ruling, when the buyer (who won) appeals, then it is refused', () => {
    spec.given(wasRuled).when(appeal('buyer', 110)).thenRefuses('dispute.appeal_by_winning_party');
  });

  it('given an appealed case, when the shop appeals a second time, then it is refused as a conflict', () => {
    const appealed = spec.given(wasRuled).when(appeal('merchant', 110)).decided().events;
    spec.given([...wasRuled, ...appealed]).when(appeal('merchant', 111)).thenRefuses('dispute.appeal_already_made');
  });

  it('given a ruling, when the appeal comes after the window, then it is refused as late, also after the ruling became final', () => {
    const late = 100 + rules.appeal.withinDays * 24 + 1;
    spec.given(wasRuled).when(appeal('merchant', late)).thenRefuses('dispute.appeal_window_expired');
    const final = spec.given(wasRuled).when({ type: 'FinalizeRuling', disputeId: DISPUTE_ID, at: ruledAppealBy(), rulingId: 'rul-1' }).decided().events;
    spec.given([...wasRuled, ...final]).when(appeal('merchant', late)).thenRefuses('dispute.appeal_window_expired');
  });

  it('given no appeal, when the window passes, then the ruling is final and the case resolved', () => {
    spec.given(wasRuled).when({ type: 'FinalizeRuling', disputeId: DISPUTE_ID, at: ruledAppealBy(), rulingId: 'rul-1' }).then([
      caseEvent('DisputeResolved', { ...ofTheCase, resolution: 'ruling_final', rulingId: 'rul-1', evidence: [], resolvedAt: ruledAppealBy() }),
      statusChanged('ruled', 'resolved', ruledAppealBy()),
    ]);
  });

  it('given an appeal, when the platform rules again, then that ruling is final: the case resolves at once', () => {
    const appealed = spec.given(wasRuled).when(appeal('merchant', 110)).decided().events;
    const decided = spec.given([...wasRuled, ...appealed]).when(rule({ at: hoursAfterT0(120), outcome: 'merchant_wins', refundAmount: undefined })).decided();
    expect(decided.events.map((e) => e.type)).toEqual(['DisputeRuled', 'DisputeResolved', 'DisputeStatusChanged']);
    expect(decided.events[0].data).toMatchObject({ rulingId: 'rul-2', onAppeal: true, outcome: 'merchant_wins' });
    expect(decided.state?.status).toBe('resolved');
  });
});

function ruledAppealBy(): string {
  return hoursAfterT0(100 + rules.appeal.withinDays * 24);
}
