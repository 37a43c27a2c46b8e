import fc from 'fast-check';
import type { LogisticsEvent } from '@aftersales/contracts';
import {
  created,
  dispatched,
  given,
  ORDER,
  REFUND,
  refusalOf,
  rules,
  run,
  scan,
  SHIPMENT,
  stateAfter,
  typesOf,
} from '../testing/shipment-fixtures';
import type { CreateShipment, KnownOrderStatus } from './shipment-commands';
import { ShipmentRules } from './shipment-rules';
import { currentTrackingStatus } from './tracking-history';

const createCommand = (overrides: Partial<CreateShipment> = {}): CreateShipment => ({
  type: 'CreateShipment',
  shipmentId: SHIPMENT,
  orderId: ORDER,
  carrier: ' sf ',
  trackingNo: 'SF100 ',
  at: '2026-11-02T09:00:00.000Z',
  orderStatus: 'awaiting_shipment',
  ...overrides,
});

describe('shipment decider: creating a shipment', () => {
  it('given a paid order awaiting shipment, when a shipment is created, then ShipmentCreated (outbound) with trimmed carrier and number', () => {
    expect(given().when(createCommand())).toEqual([
      {
        type: 'ShipmentCreated',
        data: {
          shipmentId: SHIPMENT,
          orderId: ORDER,
          direction: 'outbound',
          carrier: 'sf',
          trackingNo: 'SF100',
          createdAt: '2026-11-02T09:00:00.000Z',
        },
      },
    ]);
  });

  it('given an unpaid order, when a shipment is created, then the paid-orders rule refuses it (422)', () => {
    const error = refusalOf(() => given().when(createCommand({ orderStatus: 'awaiting_payment' })));
    expect(error).toMatchObject({ kind: 'rule', code: ShipmentRules.shipOnlyPaidOrders });
    expect(error.details).toMatchObject({ rule: ShipmentRules.shipOnlyPaidOrders, orderStatus: 'awaiting_payment' });
  });

  it('given an order logistics never heard of, when a shipment is created, then it is not found (404)', () => {
    expect(refusalOf(() => given().when(createCommand({ orderStatus: 'unknown' })))).toMatchObject({ kind: 'not_found' });
  });

  it.each<KnownOrderStatus>(['closed', 'shipped', 'delivered', 'completed'])(
    'given an order that is %s, when a shipment is created, then it conflicts and names the order status (409)',
    (orderStatus) => {
      const error = refusalOf(() => given().when(createCommand({ orderStatus })));
      expect(error).toMatchObject({ kind: 'conflict', code: ShipmentRules.orderNotAwaitingShipment });
      expect(error.details).toEqual({ currentStatus: orderStatus });
    },
  );

  it('given the order already has an active outbound shipment, when another is created, then 409 naming it', () => {
    const error = refusalOf(() => given().when(createCommand({ activeOutboundShipmentId: 'shp_other' })));
    expect(error).toMatchObject({ kind: 'conflict', code: ShipmentRules.activeShipmentExists, details: { shipmentId: 'shp_other' } });
  });

  it('given the tracking number belongs to another shipment, when a shipment is created with it, then 409', () => {
    const error = refusalOf(() => given().when(createCommand({ trackingNoUsedBy: 'shp_other' })));
    expect(error).toMatchObject({ kind: 'conflict', code: ShipmentRules.trackingNumberInUse });
  });

  it('given a blank tracking number, when a shipment is created, then 400 naming the field', () => {
    const error = refusalOf(() => given().when(createCommand({ trackingNo: '  ' })));
    expect(error).toMatchObject({ kind: 'invalid', details: { fields: [{ field: '/trackingNo', message: 'must not be blank' }] } });
  });

  it('given the shipment exists, when it is created again, then 409', () => {
    expect(refusalOf(() => given(created()).when(createCommand()))).toMatchObject({
      kind: 'conflict',
      details: { currentStatus: 'created' },
    });
  });

  it('when a return shipment is created for a refund, then ShipmentCreated with direction return and the refund id', () => {
    const events = given().when({
      type: 'CreateReturnShipment',
      shipmentId: SHIPMENT,
      orderId: ORDER,
      refundId: REFUND,
      carrier: 'yto',
      trackingNo: 'YT1',
      at: '2026-11-08T00:00:00.000Z',
      rules,
    });
    expect(events).toEqual([
      {
        type: 'ShipmentCreated',
        data: expect.objectContaining({ direction: 'return', refundId: REFUND, carrier: 'yto', trackingNo: 'YT1' }),
      },
    ]);
  });

  it('when a return shipment is registered after the buyer handed it over, then it is created and dispatched at hand-over', () => {
    const events = given().when({
      type: 'CreateReturnShipment',
      shipmentId: SHIPMENT,
      orderId: ORDER,
      refundId: REFUND,
      carrier: 'yto',
      trackingNo: 'YT1',
      at: '2026-11-08T12:00:00.000Z',
      handedOverAt: '2026-11-08T10:00:00.000Z',
      rules,
    });
    expect(typesOf(events)).toEqual(['ShipmentCreated', 'ReturnShipmentDispatched']);
    expect(events[1].data).toMatchObject({
      refundId: REFUND,
      trigger: 'manual',
      dispatchedAt: '2026-11-08T10:00:00.000Z',
      trackingExpiresAt: '2026-12-08T10:00:00.000Z',
    });
  });
});

describe('shipment decider: reissue (补发) shipments', () => {
  const reissue = {
    type: 'CreateReissueShipment',
    shipmentId: SHIPMENT,
    orderId: ORDER,
    refundId: REFUND,
    carrier: 'sf',
    trackingNo: 'SF200',
    at: '2026-11-09T09:00:00.000Z',
  } as const;

  it('when a reissue shipment is registered, then an outbound ShipmentCreated names the refund', () => {
    expect(given().when(reissue)).toEqual([
      {
        type: 'ShipmentCreated',
        data: {
          shipmentId: SHIPMENT,
          orderId: ORDER,
          direction: 'outbound',
          refundId: REFUND,
          carrier: 'sf',
          trackingNo: 'SF200',
          createdAt: reissue.at,
        },
      },
    ]);
  });

  it('given a tracking number in use, when a reissue shipment reuses it, then 409', () => {
    const error = refusalOf(() => given().when({ ...reissue, trackingNoUsedBy: 'shp_other' }));
    expect(error).toMatchObject({ kind: 'conflict', code: ShipmentRules.trackingNumberInUse });
  });

  it('given a reissue shipment, when it is dispatched and delivered, then its outbound milestones carry the refund id', () => {
    const { log } = run(
      [],
      [reissue, { type: 'DispatchShipment', at: '2026-11-09T10:00:00.000Z', rules }, scan('d1', 'delivered', '2026-11-10T10:00:00.000Z')],
    );
    const milestones = log.filter((e) => e.type === 'ShipmentDispatched' || e.type === 'ShipmentDelivered');
    expect(milestones.map((e) => [e.type, (e.data as { refundId?: string }).refundId])).toEqual([
      ['ShipmentDispatched', REFUND],
      ['ShipmentDelivered', REFUND],
    ]);
  });

  it('given a dispatched reissue shipment, when it comes back to the merchant, then ShipmentReturned names the refund', () => {
    const { log } = run(
      [],
      [
        reissue,
        { type: 'DispatchShipment', at: '2026-11-09T10:00:00.000Z', rules },
        { type: 'MarkShipmentReturned', reason: 'undeliverable', at: '2026-11-12T10:00:00.000Z' },
      ],
    );
    expect(log[log.length - 1]).toMatchObject({ type: 'ShipmentReturned', data: { refundId: REFUND } });
  });

  it('given an ordinary outbound shipment, when it is dispatched, then its milestone has no refund id', () => {
    const [event] = given(created()).when({ type: 'DispatchShipment', at: '2026-11-02T10:00:00.000Z', rules });
    expect(event.data).not.toHaveProperty('refundId');
  });
});

describe('shipment decider: label and dispatch', () => {
  it('given a created shipment, when the label is printed twice, then one ShipmentLabelPrinted', () => {
    const { log } = run(
      [created()],
      [
        { type: 'PrintLabel', at: '2026-11-02T09:05:00.000Z' },
        { type: 'PrintLabel', at: '2026-11-02T09:06:00.000Z' },
      ],
    );
    expect(typesOf(log)).toEqual(['ShipmentCreated', 'ShipmentLabelPrinted']);
  });

  it('given a created shipment, when it is dispatched, then ShipmentDispatched with the tracking deadline from the rulebook', () => {
    expect(given(created()).when({ type: 'DispatchShipment', at: '2026-11-02T10:00:00.000Z', rules })).toEqual([
      {
        type: 'ShipmentDispatched',
        data: {
          shipmentId: SHIPMENT,
          orderId: ORDER,
          carrier: 'sf',
          trackingNo: 'SF100',
          dispatchedAt: '2026-11-02T10:00:00.000Z',
          trigger: 'manual',
          trackingExpiresAt: '2026-12-02T10:00:00.000Z',
          rulebookVersion: 'test-v1',
        },
      },
    ]);
  });

  it('given a created return shipment, when it is dispatched, then ReturnShipmentDispatched carrying the refund id', () => {
    const events = given(created('return')).when({ type: 'DispatchShipment', at: '2026-11-08T10:00:00.000Z', rules });
    expect(events).toEqual([{ type: 'ReturnShipmentDispatched', data: expect.objectContaining({ refundId: REFUND, trigger: 'manual' }) }]);
  });

  it('given a dispatched shipment, when it is dispatched again, then nothing new happens', () => {
    expect(given(created(), dispatched).when({ type: 'DispatchShipment', at: '2026-11-03T00:00:00.000Z', rules })).toEqual([]);
  });

  it('given a cancelled shipment, when it is dispatched, then 409 naming the status', () => {
    const cancelled = given(created()).when({ type: 'CancelShipment', reason: 'buyer changed mind', at: '2026-11-02T09:30:00.000Z' });
    const error = refusalOf(() => given(created(), ...cancelled).when({ type: 'DispatchShipment', at: '2026-11-03T00:00:00.000Z', rules }));
    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'cancelled' } });
  });

  it('given no shipment, when it is dispatched, then 404', () => {
    expect(refusalOf(() => given().when({ type: 'DispatchShipment', at: '2026-11-03T00:00:00.000Z', rules }))).toMatchObject({
      kind: 'not_found',
    });
  });
});

describe('shipment decider: carrier events', () => {
  it('given a recorded scan, when the same carrier event id arrives again, then nothing is appended', () => {
    const first = given(created(), dispatched).when(scan('e1', 'in_transit', '2026-11-02T18:00:00.000Z'));
    expect(typesOf(first)).toEqual(['CarrierEventRecorded']);
    expect(given(created(), dispatched, ...first).when(scan('e1', 'in_transit', '2026-11-02T18:00:00.000Z'))).toEqual([]);
  });

  it('given a created shipment, when info_received arrives, then it is recorded and the shipment is not dispatched', () => {
    const { log, state } = run([created()], [scan('e1', 'info_received', '2026-11-02T09:10:00.000Z')]);
    expect(typesOf(log.slice(1))).toEqual(['CarrierEventRecorded']);
    expect(state.status).toBe('created');
  });

  it('given a created shipment, when an in_transit scan arrives, then the scan dispatches it at the scan time', () => {
    const events = given(created()).when(scan('e1', 'in_transit', '2026-11-02T18:00:00.000Z'));
    expect(typesOf(events)).toEqual(['CarrierEventRecorded', 'ShipmentDispatched']);
    expect(events[1].data).toMatchObject({
      trigger: 'carrier_scan',
      carrierEventId: 'e1',
      dispatchedAt: '2026-11-02T18:00:00.000Z',
      trackingExpiresAt: '2026-12-02T18:00:00.000Z',
    });
  });

  it('given a created shipment, when the first scan to arrive is delivered, then dispatched and delivered follow in that order', () => {
    const events = given(created()).when(scan('e9', 'delivered', '2026-11-04T11:00:00.000Z', { subStatus: 'Delivered_004' }));
    expect(typesOf(events)).toEqual(['CarrierEventRecorded', 'ShipmentDispatched', 'ShipmentDelivered']);
    expect(events[2].data).toEqual({
      shipmentId: SHIPMENT,
      orderId: ORDER,
      deliveredAt: '2026-11-04T11:00:00.000Z',
      carrierEventId: 'e9',
      subStatus: 'Delivered_004',
    });
  });

  it('given a delivered shipment, when another delivered scan arrives, then it is recorded and there is still exactly one ShipmentDelivered', () => {
    const { log } = run(
      [created(), dispatched],
      [scan('d1', 'delivered', '2026-11-04T11:00:00.000Z'), scan('d2', 'delivered', '2026-11-04T11:05:00.000Z')],
    );
    expect(typesOf(log).filter((t) => t === 'ShipmentDelivered')).toHaveLength(1);
    expect(typesOf(log).filter((t) => t === 'CarrierEventRecorded')).toHaveLength(2);
  });

  it('given a delivered shipment, when a later in_transit scan arrives, then it is recorded but the shipment stays delivered', () => {
    const { log, state } = run(
      [created(), dispatched],
      [scan('d1', 'delivered', '2026-11-04T11:00:00.000Z'), scan('t9', 'in_transit', '2026-11-04T12:00:00.000Z')],
    );
    expect(typesOf(log).slice(-1)).toEqual(['CarrierEventRecorded']);
    expect(state.status).toBe('delivered');
    expect(currentTrackingStatus(state)).toBe('delivered');
  });

  it('given scans arriving out of order, then the history is sorted by carrier time and the status follows the latest scan', () => {
    const { state } = run(
      [created(), dispatched],
      [
        scan('e3', 'out_for_delivery', '2026-11-04T08:00:00.000Z'),
        scan('e1', 'in_transit', '2026-11-02T18:00:00.000Z'),
        scan('e2', 'in_transit', '2026-11-03T06:00:00+08:00'),
      ],
    );
    expect(state.tracking.map((e) => e.carrierEventId)).toEqual(['e1', 'e2', 'e3']);
    expect(currentTrackingStatus(state)).toBe('out_for_delivery');
  });

  it.each([
    ['Exception_013', 'lost'],
    ['Exception_012', 'damaged'],
    ['Exception_003', 'refused'],
    ['refused', 'refused'],
    ['Exception_004', 'other'],
    [undefined, 'other'],
  ] as const)(
    'given a dispatched shipment, when an exception scan with sub-status %s arrives, then ShipmentException %s',
    (subStatus, kind) => {
      const events = given(created(), dispatched).when(
        scan('x1', 'exception', '2026-11-03T10:00:00.000Z', { subStatus, description: 'scan text' }),
      );
      expect(typesOf(events)).toEqual(['CarrierEventRecorded', 'ShipmentException']);
      expect(events[1].data).toMatchObject({ kind, trigger: 'carrier_scan', carrierEventId: 'x1', detail: 'scan text' });
    },
  );

  it('given a lost exception was raised, when another lost scan arrives, then it is only recorded', () => {
    const { log } = run(
      [created(), dispatched],
      [
        scan('x1', 'exception', '2026-11-03T10:00:00.000Z', { subStatus: 'lost' }),
        scan('x2', 'exception', '2026-11-04T10:00:00.000Z', { subStatus: 'Exception_013' }),
      ],
    );
    expect(typesOf(log).filter((t) => t === 'ShipmentException')).toHaveLength(1);
  });

  it('given a COD parcel refused at the door, when the returned-to-sender scan arrives, then ShipmentReturned (refused) and the shipment ends', () => {
    const { log, state } = run(
      [created(), dispatched],
      [
        scan('r1', 'exception', '2026-11-04T11:00:00.000Z', { subStatus: 'Exception_003' }),
        scan('r2', 'exception', '2026-11-05T09:00:00.000Z', { subStatus: 'Exception_010' }),
        scan('r3', 'exception', '2026-11-07T16:00:00.000Z', { subStatus: 'Exception_011' }),
        scan('r4', 'delivered', '2026-11-07T17:00:00.000Z'),
      ],
    );
    expect(typesOf(log.slice(2))).toEqual([
      'CarrierEventRecorded',
      'ShipmentException',
      'CarrierEventRecorded', // returning to sender: recorded, not raised
      'CarrierEventRecorded',
      'ShipmentReturned',
      'CarrierEventRecorded', // after the return nothing moves
    ]);
    expect(log.find((e) => e.type === 'ShipmentReturned')?.data).toMatchObject({
      reason: 'refused',
      trigger: 'carrier_scan',
      returnedAt: '2026-11-07T16:00:00.000Z',
    });
    expect(state.status).toBe('returned');
  });

  it('given no refusal was reported, when a returned-to-sender scan arrives, then the return reason is undeliverable', () => {
    const events = given(created(), dispatched).when(
      scan('r3', 'exception', '2026-11-07T16:00:00.000Z', { subStatus: 'returned_to_sender' }),
    );
    expect(events[1]).toMatchObject({ type: 'ShipmentReturned', data: { reason: 'undeliverable' } });
  });

  it('given a delivered shipment, when an exception scan arrives, then it is recorded and no exception is raised', () => {
    const { log } = run(
      [created(), dispatched],
      [scan('d1', 'delivered', '2026-11-04T11:00:00.000Z'), scan('x1', 'exception', '2026-11-04T12:00:00.000Z', { subStatus: 'damaged' })],
    );
    expect(typesOf(log).slice(-2)).toEqual(['ShipmentDelivered', 'CarrierEventRecorded']);
  });

  it('given a cancelled shipment, when a scan arrives, then it is recorded in the history and nothing else happens', () => {
    const { log, state } = run(
      [created()],
      [
        { type: 'CancelShipment', reason: 'wrong carrier', at: '2026-11-02T09:10:00.000Z' },
        scan('t1', 'in_transit', '2026-11-02T18:00:00.000Z'),
      ],
    );
    expect(typesOf(log)).toEqual(['ShipmentCreated', 'ShipmentCancelled', 'CarrierEventRecorded']);
    expect(state.status).toBe('cancelled');
  });

  it('given a dispatched return shipment, when the delivered scan arrives, then ReturnShipmentDelivered with the refund id', () => {
    const { log } = run(
      [created('return')],
      [scan('t1', 'in_transit', '2026-11-08T18:00:00.000Z'), scan('d1', 'delivered', '2026-11-10T09:00:00.000Z')],
    );
    expect(typesOf(log)).toEqual([
      'ShipmentCreated',
      'CarrierEventRecorded',
      'ReturnShipmentDispatched',
      'CarrierEventRecorded',
      'ReturnShipmentDelivered',
    ]);
    expect(log[4].data).toMatchObject({ refundId: REFUND, deliveredAt: '2026-11-10T09:00:00.000Z' });
  });

  it('for any arrival order, with duplicates, the same scans give one dispatch, one delivery and the same sorted history', () => {
    const scans = [
      scan('a', 'info_received', '2026-11-02T09:00:00.000Z'),
      scan('b', 'in_transit', '2026-11-02T18:00:00.000Z'),
      scan('c', 'out_for_delivery', '2026-11-04T08:00:00.000Z'),
      scan('d', 'delivered', '2026-11-04T11:00:00.000Z'),
      scan('e', 'in_transit', '2026-11-04T13:00:00.000Z'),
    ];
    const arrivals = fc
      .array(fc.constantFrom(...scans), { minLength: scans.length, maxLength: 12 })
      .filter((list) => scans.every((s) => list.includes(s)));
    fc.assert(
      fc.property(arrivals, (arrival) => {
        const { log, state } = run([created()], arrival);
        const types = typesOf(log);
        expect(types.filter((t) => t === 'ShipmentDispatched')).toHaveLength(1);
        expect(types.filter((t) => t === 'ShipmentDelivered')).toHaveLength(1);
        expect(types.filter((t) => t === 'CarrierEventRecorded')).toHaveLength(scans.length);
        expect(state.tracking.map((e) => e.carrierEventId)).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect(state.status).toBe('delivered');
        expect(currentTrackingStatus(state)).toBe('delivered');
      }),
      { numRuns: 200 },
    );
  });
});

describe('shipment decider: cancel, return, exceptions reported by people, tracking expiry', () => {
  const cancel = { type: 'CancelShipment', reason: 'refunded before dispatch', at: '2026-11-02T09:30:00.000Z' } as const;

  it('given a created shipment, when it is cancelled, then ShipmentCancelled carrying the tracking number it frees', () => {
    expect(given(created()).when(cancel)).toEqual([
      {
        type: 'ShipmentCancelled',
        data: {
          shipmentId: SHIPMENT,
          orderId: ORDER,
          direction: 'outbound',
          carrier: 'sf',
          trackingNo: 'SF100',
          reason: 'refunded before dispatch',
          cancelledAt: '2026-11-02T09:30:00.000Z',
        },
      },
    ]);
  });

  it('given a dispatched shipment, when it is cancelled, then 409 naming the status', () => {
    expect(refusalOf(() => given(created(), dispatched).when(cancel))).toMatchObject({
      kind: 'conflict',
      details: { currentStatus: 'dispatched' },
    });
  });

  it('given a cancelled shipment, when it is cancelled again, then nothing new happens', () => {
    const { log } = run([created()], [cancel, cancel]);
    expect(typesOf(log)).toEqual(['ShipmentCreated', 'ShipmentCancelled']);
  });

  it('given a dispatched outbound shipment, when an agent marks it returned, then ShipmentReturned (manual)', () => {
    const events = given(created(), dispatched).when({
      type: 'MarkShipmentReturned',
      reason: 'refused',
      note: 'COD refused',
      at: '2026-11-08T00:00:00.000Z',
    });
    expect(events).toEqual([
      {
        type: 'ShipmentReturned',
        data: {
          shipmentId: SHIPMENT,
          orderId: ORDER,
          returnedAt: '2026-11-08T00:00:00.000Z',
          reason: 'refused',
          trigger: 'manual',
          note: 'COD refused',
        },
      },
    ]);
  });

  it('given a shipment never dispatched, when it is marked returned, then 409', () => {
    const error = refusalOf(() => given(created()).when({ type: 'MarkShipmentReturned', reason: 'other', at: '2026-11-08T00:00:00.000Z' }));
    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'created' } });
  });

  it('given a return shipment, when it is marked returned, then 409 (only outbound goods come back this way)', () => {
    const error = refusalOf(() =>
      given(created('return')).when({ type: 'MarkShipmentReturned', reason: 'other', at: '2026-11-08T00:00:00.000Z' }),
    );
    expect(error).toMatchObject({ kind: 'conflict', code: ShipmentRules.notOutbound });
  });

  it('given a dispatched shipment, when an agent reports it lost, then ShipmentException lost (manual); reported again, nothing', () => {
    const report = {
      type: 'ReportShipmentException',
      kind: 'lost',
      detail: 'no scan for 10 days',
      at: '2026-11-12T00:00:00.000Z',
    } as const;
    const { log } = run([created(), dispatched], [report, report]);
    expect(log.slice(2)).toEqual([
      {
        type: 'ShipmentException',
        data: {
          shipmentId: SHIPMENT,
          orderId: ORDER,
          direction: 'outbound',
          kind: 'lost',
          reportedAt: '2026-11-12T00:00:00.000Z',
          trigger: 'manual',
          detail: 'no scan for 10 days',
        },
      },
    ]);
  });

  it('given a delivered shipment, when an exception is reported, then 409 (after delivery it is an after-sales matter)', () => {
    const delivered = given(created(), dispatched).when(scan('d1', 'delivered', '2026-11-04T11:00:00.000Z'));
    const error = refusalOf(() =>
      given(created(), dispatched, ...delivered).when({ type: 'ReportShipmentException', kind: 'damaged', at: '2026-11-05T00:00:00.000Z' }),
    );
    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'delivered' } });
  });

  it('given a dispatched shipment with a scan, when tracking expires at its deadline, then ShipmentTrackingExpired with the last scan', () => {
    const history: LogisticsEvent[] = [
      created(),
      dispatched,
      ...given(created(), dispatched).when(scan('t1', 'in_transit', '2026-11-03T08:00:00.000Z')),
    ];
    expect(given(...history).when({ type: 'ExpireTracking', at: '2026-12-02T10:00:00.000Z' })).toEqual([
      {
        type: 'ShipmentTrackingExpired',
        data: {
          shipmentId: SHIPMENT,
          orderId: ORDER,
          direction: 'outbound',
          dispatchedAt: '2026-11-02T10:00:00.000Z',
          expiredAt: '2026-12-02T10:00:00.000Z',
          lastTrackingStatus: 'in_transit',
          lastScanAt: '2026-11-03T08:00:00.000Z',
          rulebookVersion: 'test-v1',
        },
      },
    ]);
    expect(stateAfter(history).trackingExpiresAt).toBe('2026-12-02T10:00:00.000Z');
  });

  it('given a dispatched shipment, when the expiry fires before the deadline, then nothing', () => {
    expect(given(created(), dispatched).when({ type: 'ExpireTracking', at: '2026-12-01T10:00:00.000Z' })).toEqual([]);
  });

  it('given a delivered shipment, when the expiry fires, then nothing', () => {
    const delivered = given(created(), dispatched).when(scan('d1', 'delivered', '2026-11-04T11:00:00.000Z'));
    expect(given(created(), dispatched, ...delivered).when({ type: 'ExpireTracking', at: '2026-12-03T00:00:00.000Z' })).toEqual([]);
  });
});
