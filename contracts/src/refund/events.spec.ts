import { validateEventData } from '../catalogue';
import { PROTECTED_FIELDS } from '../protected-fields';
import { currentRulebook } from '../rulebook';
import { CompensationDecidedEvent, RefundRequestedEvent, RefundTypes, refundEvents, type RefundEvent } from './events';

describe('refund event contracts', () => {
  it('cover requests, returns, fulfilment and compensation', () => {
    // given the refund catalogue / then the whole after-sales model is there
    expect(refundEvents.map((d) => d.type)).toEqual(
      expect.arrayContaining([
        'RefundRequested',
        'NoReasonReturnEligibilityDecided',
        'RefundApproved',
        'RefundRejected',
        'RefundReturnRequested',
        'RefundReturnShipped',
        'RefundReturnReceived',
        'RefundPaid',
        'RefundClosed',
        'RefundCancelled',
        'RefundEscalated',
        'ExchangeReplacementOrderCreated',
        'ReissueShipmentRequested',
        'CompensationDecided',
        'CompensationApproved',
        'CompensationRejected',
        'CompensationPaidOut',
      ]),
    );
    expect(refundEvents.every((d) => d.service === 'refund' && (d.version === 1 || PROTECTED_FIELDS[d.type] !== undefined))).toBe(true);
  });

  it('a request accepts every refund type and refuses other types and fractional money', () => {
    const request = (patch: Record<string, unknown>) =>
      validateEventData('RefundRequested', 1, { ...RefundRequestedEvent.example, ...patch });
    for (const type of RefundTypes) expect(request({ type })).toEqual([]);
    expect(request({ type: 'store_credit' }).map((e) => e.path)).toEqual(['/type']);
    expect(request({ amount: 199.9 }).map((e) => e.path)).toEqual(['/amount']);
    expect(request({ amount: -1 }).map((e) => e.path)).toEqual(['/amount']);
  });

  it("the compensation example is the seed's late-shipment arithmetic under the current rulebook", () => {
    // given the example decision and the rulebook parameters it names
    const decision = CompensationDecidedEvent.example;
    const rule = currentRulebook().compensation.lateShipment;
    const input = (name: string) => decision.inputs.find((i) => i.name === name)!.value;
    // when recomputing 5 % of what was paid, capped
    const recomputed = Math.min(Math.round((input('paidAmount') * rule.percentOfPaid) / 100), rule.capMinor);
    // then the recorded amount, rule and approval flag agree
    expect(decision.amount).toBe(recomputed);
    expect(decision.rule).toEqual({ ruleId: rule.ruleId, rulebookVersion: currentRulebook().version });
    expect(decision.requiresSupervisorApproval).toBe(decision.amount > currentRulebook().compensation.supervisorApprovalAboveMinor);
  });

  it('a compensation decision must name the events it was computed from', () => {
    const errors = validateEventData('CompensationDecided', 1, { ...CompensationDecidedEvent.example, basedOn: [] });
    expect(errors.map((e) => e.path)).toEqual(['/basedOn']);
  });

  it('RefundEvent narrows on its type', () => {
    const amountPaid = (event: RefundEvent) => (event.type === 'RefundPaid' ? event.data.amount : 0);
    const paid = refundEvents.find((d) => d.type === 'RefundPaid')!;
    expect(amountPaid({ type: 'RefundPaid', data: paid.example } as RefundEvent)).toBe((paid.example as { amount: number }).amount);
  });
});
