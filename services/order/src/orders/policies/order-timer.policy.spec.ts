import type { OrderEvent } from '@aftersales/contracts';
import type { RecordedEvent } from '@aftersales/kernel';
import { orderTimerPolicy } from './order-timer.policy';
import { hoursAfterT0, ORDER_ID } from '../testing/order-fixtures';
import {
  codOrderPlaced,
  orderCancelled,
  orderDelivered,
  orderPaid,
  orderPlaced,
  orderReturnedToMerchant,
  orderShipped,
  receiptConfirmed,
} from '../testing/order-events';

const ids = {
  reminder: `order-${ORDER_ID}:payment-reminder`,
  unpaidClose: `order-${ORDER_ID}:unpaid-close`,
  shipBy: `order-${ORDER_ID}:ship-by-check`,
  autoConfirm: `order-${ORDER_ID}:auto-confirm`,
};

const recorded = (event: OrderEvent, position = 7): RecordedEvent => ({
  eventId: `evt-${position}`,
  type: event.type,
  schemaVersion: 1,
  streamId: `order-${ORDER_ID}`,
  revision: position - 1,
  position,
  occurredAt: hoursAfterT0(0),
  recordedAt: hoursAfterT0(0),
  correlationId: 'corr-1',
  causationId: null,
  actor: { id: 'buyer-1', role: 'buyer' },
  data: event.data,
});

/** The timer instruction derived from an order event as the store recorded it. */
const instructionAfter = (event: OrderEvent) => orderTimerPolicy(recorded(event));

describe('orderTimerPolicy', () => {
  it('given OrderPlaced (online), then the reminder is due at 12 h and the unpaid close at payBy, both caused by the event', () => {
    const instruction = instructionAfter(orderPlaced());

    expect(instruction).toEqual({
      schedule: [
        {
          timerId: ids.reminder,
          service: 'order',
          dueAt: hoursAfterT0(12),
          command: { type: 'RecordPaymentReminder', orderId: ORDER_ID },
          scheduledBy: { eventId: 'evt-7', correlationId: 'corr-1' },
        },
        {
          timerId: ids.unpaidClose,
          service: 'order',
          dueAt: hoursAfterT0(72),
          command: { type: 'CloseUnpaidOrder', orderId: ORDER_ID },
          scheduledBy: { eventId: 'evt-7', correlationId: 'corr-1' },
        },
      ],
    });
  });

  it('given OrderPlaced (COD), then only the ship-by check is scheduled', () => {
    const instruction = instructionAfter(codOrderPlaced());

    expect(instruction?.schedule?.map((t) => [t.timerId, t.dueAt, t.command.type])).toEqual([
      [ids.shipBy, hoursAfterT0(72), 'CheckShipByDeadline'],
    ]);
  });

  it('given OrderPaid, then the ship-by check is scheduled at shipBy and the unpaid timers are cancelled', () => {
    const instruction = instructionAfter(orderPaid({ paidAt: hoursAfterT0(2) }));

    expect(instruction?.schedule?.map((t) => [t.timerId, t.dueAt, t.command])).toEqual([
      [ids.shipBy, hoursAfterT0(74), { type: 'CheckShipByDeadline', orderId: ORDER_ID }],
    ]);
    expect(instruction?.cancel).toEqual([ids.reminder, ids.unpaidClose]);
  });

  it('given OrderShipped, then auto-confirm is scheduled at autoConfirmAt and the ship-by check cancelled', () => {
    const instruction = instructionAfter(orderShipped({ dispatchedAt: hoursAfterT0(24) }));

    expect(instruction?.schedule?.map((t) => [t.timerId, t.dueAt, t.command.type])).toEqual([
      [ids.autoConfirm, hoursAfterT0(24 + 240), 'AutoConfirmReceipt'],
    ]);
    expect(instruction?.cancel).toEqual([ids.shipBy]);
  });

  it.each([
    ['ReceiptConfirmed', receiptConfirmed()],
    ['OrderReturnedToMerchant', orderReturnedToMerchant()],
  ])('given %s, then auto-confirm is cancelled', (_type, event) => {
    expect(instructionAfter(event)).toEqual({ cancel: [ids.autoConfirm] });
  });

  it('given OrderClosed, then every timer of the order is cancelled', () => {
    const instruction = instructionAfter(orderCancelled());

    expect(instruction?.cancel?.sort()).toEqual(Object.values(ids).sort());
    expect(instruction?.schedule).toBeUndefined();
  });

  it('given an event with no deadline (OrderDelivered) or another service’s event, then no instruction', () => {
    expect(instructionAfter(orderDelivered())).toBeUndefined();
    expect(
      orderTimerPolicy({
        ...recorded({ type: 'OrderDelivered', data: { orderId: ORDER_ID, shipmentId: 's', deliveredAt: hoursAfterT0(1) } }),
        type: 'ShipmentDispatched',
      }),
    ).toBeUndefined();
  });

  it('given the same event twice, then the same timers: ids are deterministic', () => {
    const placed = orderPlaced();

    expect(orderTimerPolicy(recorded(placed))).toEqual(orderTimerPolicy(recorded(placed)));
  });
  describe('auto-confirm held by a refund or dispute', () => {
    const refund = { kind: 'refund' as const, id: 'rfd-1' };
    const paused = { type: 'AutoConfirmPaused', data: { orderId: ORDER_ID, cause: refund, openCases: [refund], suspendedDeadline: hoursAfterT0(264), remainingMs: 3_600_000, pausedAt: hoursAfterT0(72) } } as OrderEvent;

    it('given AutoConfirmPaused, then the pending auto-confirm timer is cancelled', () => {
      expect(instructionAfter(paused)).toEqual({ cancel: [ids.autoConfirm] });
    });

    it('given AutoConfirmResumed with a new deadline, then auto-confirm is scheduled at it', () => {
      const resumed = { type: 'AutoConfirmResumed', data: { orderId: ORDER_ID, cause: refund, openCases: [], remainingMs: 3_600_000, autoConfirmAt: hoursAfterT0(101), resumedAt: hoursAfterT0(100) } } as OrderEvent;

      expect(instructionAfter(resumed)?.schedule?.map((t) => [t.timerId, t.dueAt, t.command.type])).toEqual([[ids.autoConfirm, hoursAfterT0(101), 'AutoConfirmReceipt']]);
    });

    it('given AutoConfirmResumed while another case is open (no deadline), then no timer changes', () => {
      const resumed = { type: 'AutoConfirmResumed', data: { orderId: ORDER_ID, cause: refund, openCases: [{ kind: 'dispute', id: 'd' }], remainingMs: 1, resumedAt: hoursAfterT0(100) } } as OrderEvent;

      expect(instructionAfter(resumed)).toBeUndefined();
    });
  });
});
