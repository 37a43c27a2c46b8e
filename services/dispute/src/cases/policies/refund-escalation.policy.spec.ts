import { RefundEscalatedEvent, type EventEnvelope } from '@aftersales/contracts';
import { caseOfRefundEscalation } from './refund-escalation.policy';

const envelope = (type: string, data: unknown): EventEnvelope => ({ type, data, eventId: 'evt-esc' }) as unknown as EventEnvelope;

describe('an escalated refund becomes a case', () => {
  it('given RefundEscalated, then the case opens under the id the refund recorded, with its facts, category from the reason', () => {
    const d = RefundEscalatedEvent.example;
    expect(caseOfRefundEscalation(envelope('RefundEscalated', d))).toEqual({
      disputeId: d.disputeId,
      order: { orderId: d.orderId, shopId: d.shopId, buyerId: d.buyerId, currency: d.currency },
      origin: 'refund_escalation',
      category: 'not_as_described',
      description: d.description,
      refundId: d.refundId,
      claimedAmount: d.amount,
      evidence: d.evidence,
      openedBy: 'refund',
      basedOn: ['evt-esc'],
    });
  });

  it('given any other refund event, then nothing', () => {
    expect(caseOfRefundEscalation(envelope('RefundRejected', {}))).toBeUndefined();
  });
});
