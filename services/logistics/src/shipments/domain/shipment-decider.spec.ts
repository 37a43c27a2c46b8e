import fc from 'fast-check';
import { deciderSpec } from '@aftersales/kernel/testing';
import type { LogisticsEvent } from '@aftersales/contracts';
import { ORDER, REFUND, rules, run, scan, SHIPMENT, typesOf } from '../testing/shipment-fixtures';
import {
  deliveredShipment,
  dispatchedShipment,
  labelPrinted,
  returnShipmentCreated,
  returnShipmentDelivered,
  returnShipmentDispatched,
  scanRecorded,
  shipmentCancelled,
  shipmentCreated,
  shipmentDelivered,
  shipmentDispatched,
  shipmentException,
  shipmentReturned,
  shipmentTrackingExpired,
} from '../testing/shipment-events';
import type {
  CancelShipment,
  CreateReturnShipment,
  CreateShipment,
  DispatchShipment,
  KnownOrderStatus,
  MarkShipmentReturned,
  RecordCarrierEvent,
} from './shipment-commands';
import { shipmentDecider } from './shipment-decider';
import { ShipmentRules } from './shipment-rules';
import { currentTrackingStatus } from './tracking-history';

const spec = deciderSpec(shipmentDecider);

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
const createReturnCommand = (overrides: Partial<CreateReturnShipment> = {}): CreateReturnShipment => ({
  type: 'CreateReturnShipment',
  shipmentId: SHIPMENT,
  orderId: ORDER,
  refundId: REFUND,
  carrier: 'yto',
  trackingNo: 'YT1',
  at: '2026-11-08T00:00:00.000Z',
  rules,
  ...overrides,
});
/** A dispatch by hand; `addressLockedFor` as the order topic showed it (null: the order has not locked its address). */
const dispatch = (at: string, addressLockedFor: string | null = SHIPMENT): DispatchShipment =>
  addressLockedFor === null ? { type: 'DispatchShipment', at, rules } : { type: 'DispatchShipment', at, rules, addressLockedFor };
const cancel = (reason: string, at = '2026-11-02T09:30:00.000Z'): CancelShipment => ({ type: 'CancelShipment', reason, at });
const markReturned = (reason: MarkShipmentReturned['reason'], at: string, note?: string): MarkShipmentReturned =>
  note === undefined ? { type: 'MarkShipmentReturned', reason, at } : { type: 'MarkShipmentReturned', reason, note, at };

/** Given the history, when the scan arrives, then it is recorded in the history and nothing else happens. */
const scanOnlyRecorded = (history: LogisticsEvent[], arriving: RecordCarrierEvent) =>
  spec
    .given(history)
    .when(arriving)
    .then([scanRecorded(arriving)]);

describe('shipment decider: creating a shipment', () => {
  it('given a paid order awaiting shipment, when a shipment is created, then ShipmentCreated (outbound) with trimmed carrier and number', () => {
    spec
      .given([])
      .when(createCommand())
      .then([shipmentCreated({ direction: 'outbound', carrier: 'sf', trackingNo: 'SF100', createdAt: '2026-11-02T09:00:00.000Z' })]);
  });

  it('given an unpaid order, when a shipment is created, then the paid-orders rule refuses it (422)', () => {
    const error = spec
      .given([])
      .when(createCommand({ orderStatus: 'awaiting_payment' }))
      .thenRefuses(ShipmentRules.shipOnlyPaidOrders);

    expect(error).toMatchObject({ kind: 'rule', code: ShipmentRules.shipOnlyPaidOrders });
    expect(error.details).toMatchObject({ rule: ShipmentRules.shipOnlyPaidOrders, orderStatus: 'awaiting_payment' });
  });

  it('given an order logistics never heard of, when a shipment is created, then it is not found (404)', () => {
    expect(
      spec
        .given([])
        .when(createCommand({ orderStatus: 'unknown' }))
        .thenRefuses('not_found'),
    ).toMatchObject({ kind: 'not_found' });
  });

  it.each<KnownOrderStatus>(['closed', 'shipped', 'delivered', 'completed'])(
    'given an order that is %s, when a shipment is created, then it conflicts and names the order status (409)',
    (orderStatus) => {
      const error = spec.given([]).when(createCommand({ orderStatus })).thenRefuses(ShipmentRules.orderNotAwaitingShipment);

      expect(error).toMatchObject({ kind: 'conflict', code: ShipmentRules.orderNotAwaitingShipment });
      expect(error.details).toEqual({ currentStatus: orderStatus });
    },
  );

  it('given the order already has an active outbound shipment, when another is created, then 409 naming it', () => {
    const error = spec
      .given([])
      .when(createCommand({ activeOutboundShipmentId: 'shp_other' }))
      .thenRefuses(ShipmentRules.activeShipmentExists);

    expect(error).toMatchObject({ kind: 'conflict', details: { shipmentId: 'shp_other' } });
  });

  it('given the tracking number belongs to another shipment, when a shipment is created with it, then 409', () => {
    const error = spec
      .given([])
      .when(createCommand({ trackingNoUsedBy: 'shp_other' }))
      .thenRefuses(ShipmentRules.trackingNumberInUse);

    expect(error).toMatchObject({ kind: 'conflict' });
  });

  it('given a blank tracking number, when a shipment is created, then 400 naming the field', () => {
    const error = spec
      .given([])
      .when(createCommand({ trackingNo: '  ' }))
      .thenRefuses('invalid_input');

    expect(error).toMatchObject({ kind: 'invalid', details: { fields: [{ field: '/trackingNo', message: 'must not be blank' }] } });
  });

  it('given the shipment exists, when it is created again, then 409', () => {
    const error = spec.given([shipmentCreated()]).when(createCommand()).thenRefuses('logistics.shipment_exists');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'created' } });
  });

  it('given no shipment, when a return shipment is created for a refund, then ShipmentCreated with direction return and the refund id', () => {
    spec
      .given([])
      .when(createReturnCommand())
      .then([returnShipmentCreated({ refundId: REFUND, carrier: 'yto', trackingNo: 'YT1', createdAt: '2026-11-08T00:00:00.000Z' })]);
  });

  it('given no shipment, when a return shipment is registered after the buyer handed it over, then it is created and dispatched at hand-over', () => {
    const yto = { carrier: 'yto', trackingNo: 'YT1' };

    spec
      .given([])
      .when(createReturnCommand({ at: '2026-11-08T12:00:00.000Z', handedOverAt: '2026-11-08T10:00:00.000Z' }))
      .then([
        returnShipmentCreated({ ...yto, createdAt: '2026-11-08T12:00:00.000Z' }),
        returnShipmentDispatched({
          ...yto,
          refundId: REFUND,
          trigger: 'manual',
          dispatchedAt: '2026-11-08T10:00:00.000Z',
          trackingExpiresAt: '2026-12-08T10:00:00.000Z',
        }),
      ]);
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
  const reissueCreated = shipmentCreated({ direction: 'outbound', refundId: REFUND, trackingNo: 'SF200', createdAt: reissue.at });
  const reissueDispatched = shipmentDispatched({ refundId: REFUND, trackingNo: 'SF200', dispatchedAt: '2026-11-09T10:00:00.000Z' });

  it('given no shipment, when a reissue shipment is registered, then an outbound ShipmentCreated names the refund', () => {
    spec.given([]).when(reissue).then([reissueCreated]);
  });

  it('given a tracking number in use, when a reissue shipment reuses it, then 409', () => {
    const error = spec
      .given([])
      .when({ ...reissue, trackingNoUsedBy: 'shp_other' })
      .thenRefuses(ShipmentRules.trackingNumberInUse);

    expect(error).toMatchObject({ kind: 'conflict' });
  });

  it('given a reissue shipment, when it is dispatched and delivered, then its outbound milestones carry the refund id', () => {
    const delivered = scan('d1', 'delivered', '2026-11-10T10:00:00.000Z');

    spec
      .given([reissueCreated])
      .when(dispatch('2026-11-09T10:00:00.000Z'))
      .then([shipmentDispatched({ refundId: REFUND, trackingNo: 'SF200', dispatchedAt: '2026-11-09T10:00:00.000Z' })]);
    spec
      .given([reissueCreated, reissueDispatched])
      .when(delivered)
      .then([
        scanRecorded(delivered, { refundId: REFUND, trackingNo: 'SF200' }),
        shipmentDelivered({ refundId: REFUND, deliveredAt: delivered.occurredAt, carrierEventId: 'd1' }),
      ]);
  });

  it('given a dispatched reissue shipment, when it comes back to the merchant, then ShipmentReturned names the refund', () => {
    spec
      .given([reissueCreated, reissueDispatched])
      .when(markReturned('undeliverable', '2026-11-12T10:00:00.000Z'))
      .then([shipmentReturned({ refundId: REFUND, reason: 'undeliverable', trigger: 'manual', returnedAt: '2026-11-12T10:00:00.000Z' })]);
  });

  it('given an ordinary outbound shipment, when it is dispatched, then its milestone has no refund id', () => {
    const { events } = spec.given([shipmentCreated()]).when(dispatch('2026-11-02T10:00:00.000Z')).then([shipmentDispatched()]);

    expect(events[0].data).not.toHaveProperty('refundId');
  });
});

describe('shipment decider: label and dispatch', () => {
  it('given a created shipment, when the label is printed twice, then one ShipmentLabelPrinted', () => {
    const printed = labelPrinted({ printedAt: '2026-11-02T09:05:00.000Z' });

    spec.given([shipmentCreated()]).when({ type: 'PrintLabel', at: '2026-11-02T09:05:00.000Z' }).then([printed]);
    spec.given([shipmentCreated(), printed]).when({ type: 'PrintLabel', at: '2026-11-02T09:06:00.000Z' }).thenNothing();
  });

  it('given a created shipment, when it is dispatched, then ShipmentDispatched with the tracking deadline from the rulebook', () => {
    spec
      .given([shipmentCreated()])
      .when(dispatch('2026-11-02T10:00:00.000Z'))
      .then([
        shipmentDispatched({
          dispatchedAt: '2026-11-02T10:00:00.000Z',
          trigger: 'manual',
          trackingExpiresAt: '2026-12-02T10:00:00.000Z',
          rulebookVersion: 'test-v1',
        }),
      ]);
  });

  it('given a created return shipment, when it is dispatched, then ReturnShipmentDispatched carrying the refund id', () => {
    spec
      .given([returnShipmentCreated()])
      .when(dispatch('2026-11-08T10:00:00.000Z'))
      .then([returnShipmentDispatched({ refundId: REFUND, trigger: 'manual', dispatchedAt: '2026-11-08T10:00:00.000Z' })]);
  });

  it('given a dispatched shipment, when it is dispatched again, then nothing new happens', () => {
    spec.given(dispatchedShipment()).when(dispatch('2026-11-03T00:00:00.000Z')).thenNothing();
  });

  it('given a cancelled shipment, when it is dispatched, then 409 naming the status', () => {
    const error = spec
      .given([shipmentCreated(), shipmentCancelled({ reason: 'buyer changed mind' })])
      .when(dispatch('2026-11-03T00:00:00.000Z'))
      .thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'cancelled' } });
  });

  it('given no shipment, when it is dispatched, then 404', () => {
    const error = spec.given([]).when(dispatch('2026-11-03T00:00:00.000Z')).thenRefuses(ShipmentRules.shipmentNotFound);

    expect(error).toMatchObject({ kind: 'not_found' });
  });
});

describe('shipment decider: carrier events', () => {
  it('given a recorded scan, when the same carrier event id arrives again, then nothing is appended', () => {
    const inTransit = scan('e1', 'in_transit', '2026-11-02T18:00:00.000Z');

    scanOnlyRecorded(dispatchedShipment(), inTransit);
    spec
      .given([...dispatchedShipment(), scanRecorded(inTransit)])
      .when(inTransit)
      .thenNothing();
  });

  it('given a created shipment, when info_received arrives, then it is recorded and the shipment is not dispatched', () => {
    const infoReceived = scan('e1', 'info_received', '2026-11-02T09:10:00.000Z');

    const { state } = scanOnlyRecorded([shipmentCreated()], infoReceived);

    expect(state.status).toBe('created');
  });

  it('given a created shipment, when an in_transit scan arrives, then the scan dispatches it at the scan time', () => {
    const inTransit = scan('e1', 'in_transit', '2026-11-02T18:00:00.000Z');

    spec
      .given([shipmentCreated()])
      .when(inTransit)
      .then([
        scanRecorded(inTransit),
        shipmentDispatched({
          trigger: 'carrier_scan',
          carrierEventId: 'e1',
          dispatchedAt: '2026-11-02T18:00:00.000Z',
          trackingExpiresAt: '2026-12-02T18:00:00.000Z',
        }),
      ]);
  });

  it('given a created shipment, when the first scan to arrive is delivered, then dispatched and delivered follow in that order', () => {
    const delivered = scan('e9', 'delivered', '2026-11-04T11:00:00.000Z', { subStatus: 'Delivered_004' });

    const { events } = spec
      .given([shipmentCreated()])
      .when(delivered)
      .then([
        scanRecorded(delivered),
        shipmentDispatched({ trigger: 'carrier_scan', carrierEventId: 'e9', dispatchedAt: '2026-11-04T11:00:00.000Z' }),
        shipmentDelivered({ deliveredAt: '2026-11-04T11:00:00.000Z', carrierEventId: 'e9', subStatus: 'Delivered_004' }),
      ]);

    expect(events[2].data).toEqual({
      shipmentId: SHIPMENT,
      orderId: ORDER,
      deliveredAt: '2026-11-04T11:00:00.000Z',
      carrierEventId: 'e9',
      subStatus: 'Delivered_004',
    });
  });

  it('given a delivered shipment, when another delivered scan arrives, then it is recorded and there is still exactly one ShipmentDelivered', () => {
    const deliveredAgain = scan('d2', 'delivered', '2026-11-04T11:05:00.000Z');

    scanOnlyRecorded(deliveredShipment(), deliveredAgain);
  });

  it('given a delivered shipment, when a later in_transit scan arrives, then it is recorded but the shipment stays delivered', () => {
    const later = scan('t9', 'in_transit', '2026-11-04T12:00:00.000Z');

    const { state } = scanOnlyRecorded(deliveredShipment(), later);

    expect(state.status).toBe('delivered');
    expect(currentTrackingStatus(state)).toBe('delivered');
  });

  it('given scans arriving out of order, then the history is sorted by carrier time and the status follows the latest scan', () => {
    const arrivedFirst = [scan('e3', 'out_for_delivery', '2026-11-04T08:00:00.000Z'), scan('e1', 'in_transit', '2026-11-02T18:00:00.000Z')];

    spec
      .given([...dispatchedShipment(), ...arrivedFirst.map((s) => scanRecorded(s))])
      .when(scan('e2', 'in_transit', '2026-11-03T06:00:00+08:00'))
      .thenState((state) => {
        expect(state.tracking.map((e) => e.carrierEventId)).toEqual(['e1', 'e2', 'e3']);
        expect(currentTrackingStatus(state)).toBe('out_for_delivery');
      });
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
      const exception = scan('x1', 'exception', '2026-11-03T10:00:00.000Z', { subStatus, description: 'scan text' });

      spec
        .given(dispatchedShipment())
        .when(exception)
        .then([
          scanRecorded(exception),
          shipmentException({
            kind,
            reportedAt: exception.occurredAt,
            trigger: 'carrier_scan',
            carrierEventId: 'x1',
            subStatus,
            detail: 'scan text',
          }),
        ]);
    },
  );

  it('given a lost exception was raised, when another lost scan arrives, then it is only recorded', () => {
    const lost = scan('x1', 'exception', '2026-11-03T10:00:00.000Z', { subStatus: 'lost' });
    const lostAgain = scan('x2', 'exception', '2026-11-04T10:00:00.000Z', { subStatus: 'Exception_013' });
    const raised = shipmentException({
      kind: 'lost',
      reportedAt: lost.occurredAt,
      trigger: 'carrier_scan',
      carrierEventId: 'x1',
      subStatus: 'lost',
    });

    scanOnlyRecorded([...dispatchedShipment(), scanRecorded(lost), raised], lostAgain);
  });

  it('given a COD parcel refused at the door, when the returned-to-sender scan arrives, then ShipmentReturned (refused) and the shipment ends', () => {
    const refused = scan('r1', 'exception', '2026-11-04T11:00:00.000Z', { subStatus: 'Exception_003' });
    const returning = scan('r2', 'exception', '2026-11-05T09:00:00.000Z', { subStatus: 'Exception_010' });
    const returnedToSender = scan('r3', 'exception', '2026-11-07T16:00:00.000Z', { subStatus: 'Exception_011' });
    const lateDelivered = scan('r4', 'delivered', '2026-11-07T17:00:00.000Z');
    const refusalRaised = shipmentException({
      kind: 'refused',
      reportedAt: refused.occurredAt,
      trigger: 'carrier_scan',
      carrierEventId: 'r1',
      subStatus: 'Exception_003',
    });
    const returned = shipmentReturned({
      reason: 'refused',
      trigger: 'carrier_scan',
      returnedAt: '2026-11-07T16:00:00.000Z',
      carrierEventId: 'r3',
    });
    const refusedAtTheDoor = [...dispatchedShipment(), scanRecorded(refused), refusalRaised];

    spec
      .given(dispatchedShipment())
      .when(refused)
      .then([scanRecorded(refused), refusalRaised]);
    // returning to sender: recorded, not raised
    scanOnlyRecorded(refusedAtTheDoor, returning);
    spec
      .given([...refusedAtTheDoor, scanRecorded(returning)])
      .when(returnedToSender)
      .then([scanRecorded(returnedToSender), returned]);
    // after the return nothing moves
    const { state } = scanOnlyRecorded(
      [...refusedAtTheDoor, scanRecorded(returning), scanRecorded(returnedToSender), returned],
      lateDelivered,
    );
    expect(state.status).toBe('returned');
  });

  it('given no refusal was reported, when a returned-to-sender scan arrives, then the return reason is undeliverable', () => {
    const returnedToSender = scan('r3', 'exception', '2026-11-07T16:00:00.000Z', { subStatus: 'returned_to_sender' });

    spec
      .given(dispatchedShipment())
      .when(returnedToSender)
      .then([
        scanRecorded(returnedToSender),
        shipmentReturned({
          reason: 'undeliverable',
          trigger: 'carrier_scan',
          returnedAt: returnedToSender.occurredAt,
          carrierEventId: 'r3',
        }),
      ]);
  });

  it('given a delivered shipment, when an exception scan arrives, then it is recorded and no exception is raised', () => {
    const damaged = scan('x1', 'exception', '2026-11-04T12:00:00.000Z', { subStatus: 'damaged' });

    scanOnlyRecorded(deliveredShipment(), damaged);
  });

  it('given a cancelled shipment, when a scan arrives, then it is recorded in the history and nothing else happens', () => {
    const inTransit = scan('t1', 'in_transit', '2026-11-02T18:00:00.000Z');

    const { state } = scanOnlyRecorded(
      [shipmentCreated(), shipmentCancelled({ reason: 'wrong carrier', cancelledAt: '2026-11-02T09:10:00.000Z' })],
      inTransit,
    );

    expect(state.status).toBe('cancelled');
  });

  it('given a dispatched return shipment, when the delivered scan arrives, then ReturnShipmentDelivered with the refund id', () => {
    const inTransit = scan('t1', 'in_transit', '2026-11-08T18:00:00.000Z');
    const delivered = scan('d1', 'delivered', '2026-11-10T09:00:00.000Z');
    const ofTheReturn = { direction: 'return', refundId: REFUND } as const;
    const history = [
      returnShipmentCreated(),
      scanRecorded(inTransit, ofTheReturn),
      returnShipmentDispatched({ trigger: 'carrier_scan', carrierEventId: 't1', dispatchedAt: inTransit.occurredAt }),
    ];

    spec
      .given(history)
      .when(delivered)
      .then([
        scanRecorded(delivered, ofTheReturn),
        returnShipmentDelivered({ refundId: REFUND, deliveredAt: '2026-11-10T09:00:00.000Z', carrierEventId: 'd1' }),
      ]);
  });

  it('given a created shipment, when the same scans arrive in any order and repeated, then one dispatch, one delivery and the same sorted history', () => {
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
        const { log, state } = run([shipmentCreated()], arrival);
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
  const refundedBeforeDispatch = cancel('refunded before dispatch');

  it('given a created shipment, when it is cancelled, then ShipmentCancelled carrying the tracking number it frees', () => {
    spec
      .given([shipmentCreated()])
      .when(refundedBeforeDispatch)
      .then([
        shipmentCancelled({
          direction: 'outbound',
          carrier: 'sf',
          trackingNo: 'SF100',
          reason: 'refunded before dispatch',
          cancelledAt: '2026-11-02T09:30:00.000Z',
        }),
      ]);
  });

  it('given a dispatched shipment, when it is cancelled, then 409 naming the status', () => {
    const error = spec.given(dispatchedShipment()).when(refundedBeforeDispatch).thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'dispatched' } });
  });

  it('given a cancelled shipment, when it is cancelled again, then nothing new happens', () => {
    spec.given([shipmentCreated(), shipmentCancelled()]).when(refundedBeforeDispatch).thenNothing();
  });

  it('given a dispatched outbound shipment, when an agent marks it returned, then ShipmentReturned (manual)', () => {
    spec
      .given(dispatchedShipment())
      .when(markReturned('refused', '2026-11-08T00:00:00.000Z', 'COD refused'))
      .then([shipmentReturned({ returnedAt: '2026-11-08T00:00:00.000Z', reason: 'refused', trigger: 'manual', note: 'COD refused' })]);
  });

  it('given a shipment never dispatched, when it is marked returned, then 409', () => {
    const error = spec.given([shipmentCreated()]).when(markReturned('other', '2026-11-08T00:00:00.000Z')).thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'created' } });
  });

  it('given a return shipment, when it is marked returned, then 409 (only outbound goods come back this way)', () => {
    const error = spec
      .given([returnShipmentCreated()])
      .when(markReturned('other', '2026-11-08T00:00:00.000Z'))
      .thenRefuses(ShipmentRules.notOutbound);

    expect(error).toMatchObject({ kind: 'conflict' });
  });

  it('given a dispatched shipment, when an agent reports it lost, then ShipmentException lost (manual); reported again, nothing', () => {
    const report = {
      type: 'ReportShipmentException',
      kind: 'lost',
      detail: 'no scan for 10 days',
      at: '2026-11-12T00:00:00.000Z',
    } as const;
    const reported = shipmentException({
      direction: 'outbound',
      kind: 'lost',
      reportedAt: '2026-11-12T00:00:00.000Z',
      trigger: 'manual',
      detail: 'no scan for 10 days',
    });

    spec.given(dispatchedShipment()).when(report).then([reported]);
    spec
      .given([...dispatchedShipment(), reported])
      .when(report)
      .thenNothing();
  });

  it('given a delivered shipment, when an exception is reported, then 409 (after delivery it is an after-sales matter)', () => {
    const error = spec
      .given(deliveredShipment())
      .when({ type: 'ReportShipmentException', kind: 'damaged', at: '2026-11-05T00:00:00.000Z' })
      .thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'delivered' } });
  });

  it('given a dispatched shipment with a scan, when tracking expires at its deadline, then ShipmentTrackingExpired with the last scan', () => {
    const given = spec.given([...dispatchedShipment(), scanRecorded(scan('t1', 'in_transit', '2026-11-03T08:00:00.000Z'))]);

    given.when({ type: 'ExpireTracking', at: '2026-12-02T10:00:00.000Z' }).then([
      shipmentTrackingExpired({
        direction: 'outbound',
        dispatchedAt: '2026-11-02T10:00:00.000Z',
        expiredAt: '2026-12-02T10:00:00.000Z',
        lastTrackingStatus: 'in_transit',
        lastScanAt: '2026-11-03T08:00:00.000Z',
        rulebookVersion: 'test-v1',
      }),
    ]);
    expect(given.state.trackingExpiresAt).toBe('2026-12-02T10:00:00.000Z');
  });

  it('given a dispatched shipment, when the expiry fires before the deadline, then nothing', () => {
    spec.given(dispatchedShipment()).when({ type: 'ExpireTracking', at: '2026-12-01T10:00:00.000Z' }).thenNothing();
  });

  it('given a delivered shipment, when the expiry fires, then nothing', () => {
    spec.given(deliveredShipment()).when({ type: 'ExpireTracking', at: '2026-12-03T00:00:00.000Z' }).thenNothing();
  });
});

describe('shipment decider: implausible carrier times (rulebook carrierClockSkewMinutes)', () => {
  const skewed = { ...rules, carrierClockSkewMinutes: 15 };
  // Dispatched 2026-11-02 10:00; the platform's clock reads 2026-11-05 00:00 when the scan arrives.
  const timed = (occurredAt: string, status: RecordCarrierEvent['status'] = 'delivered') => scan('e9', status, occurredAt, { rules: skewed });

  it('given a dispatched shipment, when a delivered scan is dated 30 days before the order, then it is refused as implausible', () => {
    spec.given(dispatchedShipment()).when(timed('2026-10-03T10:00:00.000Z')).thenRefuses(ShipmentRules.implausibleEventTime);
  });

  it('given a dispatched shipment, when a scan is dated an hour before the dispatch, then it is refused', () => {
    spec.given(dispatchedShipment()).when(timed('2026-11-02T09:00:00.000Z', 'in_transit')).thenRefuses(ShipmentRules.implausibleEventTime);
  });

  it('given a dispatched shipment, when a delivered scan is dated a day ahead of the platform clock, then it is refused', () => {
    spec.given(dispatchedShipment()).when(timed('2026-11-06T00:00:00.000Z')).thenRefuses(ShipmentRules.implausibleEventTime);
  });

  it('given a created shipment, when an in_transit scan is dated before its creation beyond the skew, then it is refused', () => {
    spec.given([shipmentCreated()]).when(timed('2026-11-01T09:00:00.000Z', 'in_transit')).thenRefuses(ShipmentRules.implausibleEventTime);
  });

  it('given a dispatched shipment, when scans are dated within the skew of the dispatch and of the clock, then they are accepted', () => {
    const early = timed('2026-11-02T09:50:00.000Z', 'in_transit');
    const ahead = scan('e10', 'delivered', '2026-11-05T00:10:00.000Z', { rules: skewed });

    const { log } = run(dispatchedShipment(), [early, ahead]);

    expect(typesOf(log)).toEqual(['ShipmentCreated', 'ShipmentDispatched', 'CarrierEventRecorded', 'CarrierEventRecorded', 'ShipmentDelivered']);
  });

  it('given a recorded scan, when it arrives again after the clock moved, then the replay is still answered with nothing', () => {
    const inTransit = timed('2026-11-02T18:00:00.000Z', 'in_transit');

    spec
      .given([...dispatchedShipment(), scanRecorded(inTransit)])
      .when({ ...inTransit, at: '2026-11-02T18:01:00.000Z', occurredAt: '2026-11-02T18:00:00.000Z' })
      .thenNothing();
  });
});

describe('shipment decider: carrier times around a dispatch the carrier made', () => {
  const skewed = { ...rules, carrierClockSkewMinutes: 15 };

  it('given a shipment dispatched by a carrier scan, when an earlier scan arrives out of order (after creation), then it is accepted', () => {
    const outForDelivery = scan('c3', 'out_for_delivery', '2026-11-04T08:00:00.000Z', { rules: skewed });
    const inTransit = scan('c1', 'in_transit', '2026-11-02T18:00:00.000Z', { rules: skewed });

    const { state } = run([shipmentCreated()], [outForDelivery, inTransit]);

    expect(state.tracking.map((e) => e.carrierEventId)).toEqual(['c1', 'c3']);
  });
});

describe('shipment decider: no dispatch before the order froze its address', () => {
  it('given a created outbound shipment, when it is dispatched before the order locked its address for it, then it is refused', () => {
    spec.given([shipmentCreated()]).when(dispatch('2026-11-02T10:00:00.000Z', null)).thenRefuses(ShipmentRules.addressNotLocked);
  });

  it('given a created outbound shipment, when the order locked its address for another shipment, then it is refused', () => {
    spec.given([shipmentCreated()]).when(dispatch('2026-11-02T10:00:00.000Z', 'shp_other')).thenRefuses(ShipmentRules.addressNotLocked);
  });

  it('given a created outbound shipment, when the order locked its address for it, then it is dispatched', () => {
    spec.given([shipmentCreated()]).when(dispatch('2026-11-02T10:00:00.000Z', SHIPMENT)).then([shipmentDispatched()]);
  });

  it('given a reissue parcel of a refund, when it is dispatched, then no address lock is needed', () => {
    const { log } = run([shipmentCreated({ refundId: REFUND })], [dispatch('2026-11-09T10:00:00.000Z', null)]);
    expect(typesOf(log)).toEqual(['ShipmentCreated', 'ShipmentDispatched']);
  });
});
