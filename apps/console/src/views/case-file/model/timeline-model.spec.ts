import type { TimelineEntry } from './case-file-types';
import { eventTypeWords, timelineItems } from './timeline-model';

const entry = (eventId: string, fields: Partial<TimelineEntry> = {}): TimelineEntry => ({
  position: 1,
  eventId,
  type: 'OrderPlaced',
  service: 'order',
  streamId: 'order-ord-1',
  occurredAt: '2026-11-02T08:00:00.000Z',
  recordedAt: '2026-11-02T08:00:00.000Z',
  actor: { id: 'buyer-1', role: 'buyer' },
  correlationId: 'corr',
  causationId: null,
  ...fields,
});

describe('timeline items of the case file', () => {
  it('given a dispatch that caused the order to ship, then the shipped entry links to the dispatch and the dispatch lists it as its effect', () => {
    const items = timelineItems([entry('e1'), entry('e2', { type: 'ShipmentDispatched' }), entry('e3', { type: 'OrderShipped', causationId: 'e2' })]);

    expect(items.map((i) => i.causes)).toEqual([[], [], [{ eventId: 'e2', kind: 'causation', onTimeline: true }]]);
    expect(items.map((i) => i.effects)).toEqual([[], ['e3'], []]);
  });

  it('given a decision based on two events, one of them also its cause and one not on this timeline, then each cause is linked once, the missing one marked off the timeline', () => {
    const items = timelineItems([
      entry('e1'),
      entry('e2', { type: 'CompensationDecided', causationId: 'e1', basedOn: ['e1', 'evt-elsewhere'], rule: { id: 'compensation.late_shipment', version: 'v5' } }),
    ]);

    expect(items[1].causes).toEqual([
      { eventId: 'e1', kind: 'causation', onTimeline: true },
      { eventId: 'evt-elsewhere', kind: 'basedOn', onTimeline: false },
    ]);
    expect(items[0].effects).toEqual(['e2']);
  });

  it('given an event type, then its words read as a sentence (for types no translation names)', () => {
    expect(eventTypeWords('DisputeRemedyProposed')).toBe('Dispute remedy proposed');
    expect(eventTypeWords('ReviewFollowUpSlaBreached')).toBe('Review follow up sla breached');
  });
});
