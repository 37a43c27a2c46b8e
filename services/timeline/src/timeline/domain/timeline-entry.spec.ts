import type { EventEnvelope } from '@aftersales/contracts';
import { timelineEntryOf } from './timeline-entry';

const envelope = (type: string, data: Record<string, unknown>): EventEnvelope =>
  ({
    eventId: 'evt-9',
    type,
    schemaVersion: 1,
    streamId: 'dispute-dsp_1',
    revision: 3,
    occurredAt: '2026-11-02T08:00:00.000Z',
    recordedAt: '2026-11-02T08:00:00.000Z',
    correlationId: 'corr',
    causationId: 'evt-8',
    actor: { id: 'dispute-timers', role: 'system' },
    data,
  }) as EventEnvelope;

describe('timeline entry of an event', () => {
  it('given a deadline event recording ruleId, rulebookVersion and basedOn beside its fields, then the entry names the rule and what it was based on', () => {
    const entry = timelineEntryOf(
      envelope('DisputeDeadlineSet', { orderId: 'ord-1', ruleId: 'dispute.first_response', rulebookVersion: '2026-12-v5', basedOn: ['evt-1', 'evt-2'] }),
      7,
    );

    expect(entry).toMatchObject({ position: 7, eventId: 'evt-9', causationId: 'evt-8', rule: { id: 'dispute.first_response', version: '2026-12-v5' }, basedOn: ['evt-1', 'evt-2'] });
  });

  it('given a compensation recording rule: {ruleId, rulebookVersion} and a penalty recording rule: {id, version}, then both entries name their rule alike', () => {
    const compensation = timelineEntryOf(envelope('CompensationDecided', { orderId: 'ord-1', rule: { ruleId: 'compensation.late_shipment', rulebookVersion: '2026-12-v5' } }), 1);
    const penalty = timelineEntryOf(envelope('PenaltyPointsAssessed', { orderId: 'ord-1', rule: { id: 'penalty.points', version: '2026-12-v5' } }), 2);

    expect(compensation.rule).toEqual({ id: 'compensation.late_shipment', version: '2026-12-v5' });
    expect(penalty.rule).toEqual({ id: 'penalty.points', version: '2026-12-v5' });
  });

  it('given an event that records no rule and no basis (a note), then its entry has neither field', () => {
    const entry = timelineEntryOf(envelope('OrderNoteAdded', { orderId: 'ord-1', text: 'call the buyer', basedOn: [] }), 1);

    expect(entry).not.toHaveProperty('rule');
    expect(entry).not.toHaveProperty('basedOn');
  });
});
