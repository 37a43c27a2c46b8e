import { fold, type RecordedEvent } from '@aftersales/kernel';
import { allowanceTimerPolicy, orphanTimerId } from './allowance-timer.policy';
import { makeRefundDecider } from '../domain';
import { refundTimerIds, refundTimerPolicy } from './refund-timer.policy';
import type { RefundCommand } from '../domain';
import {
  approve,
  confirmReceipt,
  daysAfterD0,
  escalate,
  REFUND_ID,
  reject,
  request,
  rulebook,
  shipReturn,
} from '../testing/refund-fixtures';

const decider = makeRefundDecider(rulebook);

/** The events the commands record, as the store would wrap them. */
function recordedAfter(commands: RefundCommand[]): RecordedEvent[] {
  let state = decider.initialState;
  const log: RecordedEvent[] = [];
  for (const command of commands) {
    const events = decider.decide(command, state);
    state = fold(decider, state, events);
    for (const event of events) {
      log.push({
        ...event,
        eventId: `evt-${log.length}`,
        schemaVersion: 1,
        streamId: `refund-${REFUND_ID}`,
        revision: log.length,
        position: log.length + 1,
        occurredAt: command.at,
        recordedAt: command.at,
        correlationId: 'corr-1',
        causationId: null,
        actor: { id: 'tester', role: 'agent' },
      });
    }
  }
  return log;
}

const instructions = (commands: RefundCommand[]) => recordedAfter(commands).map((e) => [e.type, refundTimerPolicy(e)] as const);

describe('refund timer policy', () => {
  it('given a request, then the merchant-response timer is due at merchantRespondBy and fires AutoApproveRefund', () => {
    const [[type, instruction]] = instructions([request()]);
    expect(type).toBe('RefundRequested');
    expect(instruction).toEqual({
      schedule: [
        {
          timerId: refundTimerIds.merchantResponse(REFUND_ID),
          service: 'refund',
          dueAt: daysAfterD0(6),
          command: { type: 'AutoApproveRefund', refundId: REFUND_ID },
          scheduledBy: { eventId: 'evt-0', correlationId: 'corr-1' },
        },
      ],
    });
  });

  it('given an approval with a return, then the response timer is cancelled and the return-ship timer scheduled at returnShipBy', () => {
    const byType = Object.fromEntries(instructions([request(), approve()]));
    expect(byType.RefundApproved).toEqual({ cancel: [refundTimerIds.merchantResponse(REFUND_ID)] });
    expect(byType.RefundReturnRequested?.schedule?.[0]).toMatchObject({
      timerId: refundTimerIds.returnShip(REFUND_ID),
      dueAt: daysAfterD0(9),
      command: { type: 'CloseUnshippedReturn' },
    });
  });

  it('given the return shipped, then the return-ship timer is cancelled and the confirm timer due 10 days after dispatch', () => {
    const byType = Object.fromEntries(instructions([request(), approve(), shipReturn()]));
    expect(byType.RefundReturnShipped).toMatchObject({
      schedule: [{ timerId: refundTimerIds.returnConfirm(REFUND_ID), dueAt: daysAfterD0(13), command: { type: 'AutoConfirmReturn' } }],
      cancel: [refundTimerIds.returnShip(REFUND_ID)],
    });
  });

  it('given the merchant confirmed the goods, then the confirm timer is cancelled', () => {
    const byType = Object.fromEntries(instructions([request(), approve(), shipReturn(), confirmReceipt()]));
    expect(byType.RefundReturnReceived).toEqual({ cancel: [refundTimerIds.returnConfirm(REFUND_ID)] });
  });

  it('given a rejection, then the escalation-window timer is due at escalateBy; an escalation cancels it', () => {
    const byType = Object.fromEntries(instructions([request(), reject(), escalate()]));
    expect(byType.RefundRejected?.schedule?.[0]).toMatchObject({
      timerId: refundTimerIds.escalationWindow(REFUND_ID),
      dueAt: daysAfterD0(9),
      command: { type: 'CloseUnescalatedRefund' },
    });
    expect(byType.RefundEscalated).toEqual({ cancel: [refundTimerIds.escalationWindow(REFUND_ID)] });
  });

  it('given events it does not care about, then no instruction', () => {
    const [, eligibility] = recordedAfter([request({ reason: 'no_reason_7d' })]);
    expect(refundTimerPolicy(eligibility)).toBeUndefined();
  });
});

describe('allowance timer policy', () => {
  it('given a reservation, then an orphan check is scheduled; the recorded request cancels it', () => {
    const reserved = {
      ...recordedAfter([request()])[0],
      type: 'RefundAllowanceReserved',
      data: { orderId: 'ord_test1', refundId: REFUND_ID, reservedAt: '2026-11-06T08:00:00.000Z' },
    };
    expect(allowanceTimerPolicy(reserved)?.schedule?.[0]).toMatchObject({
      timerId: orphanTimerId('ord_test1', REFUND_ID),
      dueAt: '2026-11-06T08:15:00.000Z',
      command: { type: 'ReleaseOrphanReservation', orderId: 'ord_test1', refundId: REFUND_ID },
    });
    expect(allowanceTimerPolicy(recordedAfter([request()])[0])).toEqual({ cancel: [orphanTimerId('ord_test1', REFUND_ID)] });
  });
});
