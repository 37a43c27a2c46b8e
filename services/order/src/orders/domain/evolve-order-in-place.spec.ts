import { orderEvents, type OrderEvent } from '@aftersales/contracts';
import { copyOrder, evolveOrderInPlace } from './evolve-order-in-place';
import { evolveOrder } from './evolve-order';
import { orderDecider } from './order-decider';
import type { OrderCommand } from './order-commands';
import type { OrderState } from './order-state';
import {
  address,
  cancel,
  changeAddress,
  closeRefunded,
  confirmReceipt,
  deliver,
  disputeCase,
  hoursAfterT0,
  issueInvoice,
  lockAddress,
  note,
  pauseAutoConfirm,
  pay,
  placeOrder,
  refundCase,
  requestInvoice,
  resumeAutoConfirm,
  returnParcel,
  ship,
  timerCommand,
  unlockAddress,
} from '../testing/order-fixtures';

/** The events the decider writes for these commands, in order. */
function eventsOf(commands: OrderCommand[]): OrderEvent[] {
  const events: OrderEvent[] = [];
  let state: OrderState = orderDecider.initialState;
  for (const command of commands) {
    for (const event of orderDecider.decide(command, state)) {
      events.push(event);
      state = evolveOrder(state, event);
    }
  }
  return events;
}

/** Folds with evolveOrderInPlace, serialised after every event: what a rebuild would commit there. */
function inPlaceDocuments(events: readonly OrderEvent[]): string[] {
  let state: OrderState = null;
  return events.map((event) => JSON.stringify((state = evolveOrderInPlace(state, event))));
}

function immutableDocuments(events: readonly OrderEvent[]): string[] {
  let state: OrderState = null;
  return events.map((event) => JSON.stringify((state = evolveOrder(state, event))));
}

const histories: Record<string, OrderCommand[]> = {
  'paid online, noted, re-addressed, invoiced, shipped, delivered and confirmed': [
    placeOrder(),
    timerCommand('RecordPaymentReminder', hoursAfterT0(12)),
    pay(hoursAfterT0(13)),
    note('call before delivery', hoursAfterT0(14), 'red'),
    changeAddress({ ...address, street: '18 Gudun Road' }, hoursAfterT0(15)),
    requestInvoice('ACME Ltd', 'TAX-1', hoursAfterT0(16)),
    lockAddress('shp-1', hoursAfterT0(20)),
    ship(hoursAfterT0(24)),
    issueInvoice('INV-1', hoursAfterT0(30)),
    deliver(hoursAfterT0(48)),
    confirmReceipt(hoursAfterT0(72)),
  ],
  'a cash-on-delivery order past its ship-by, returned to the merchant': [
    placeOrder({ paymentMethod: 'cod' }),
    timerCommand('CheckShipByDeadline', hoursAfterT0(80)),
    lockAddress('shp-1', hoursAfterT0(81)),
    unlockAddress('shp-1', hoursAfterT0(82)),
    lockAddress('shp-1', hoursAfterT0(83)),
    ship(hoursAfterT0(84)),
    returnParcel(hoursAfterT0(96)),
  ],
  'a delivered order whose auto-confirm clock two cases pause and resume': [
    placeOrder(),
    pay(),
    ship(),
    deliver(),
    pauseAutoConfirm(refundCase(), hoursAfterT0(50)),
    pauseAutoConfirm(disputeCase(), hoursAfterT0(51)),
    resumeAutoConfirm(refundCase(), hoursAfterT0(60)),
    resumeAutoConfirm(disputeCase(), hoursAfterT0(61)),
  ],
  'a cash-on-delivery order delivered': [placeOrder({ paymentMethod: 'cod' }), ship(), deliver()],
  'a cancelled order': [placeOrder(), note('changed plans', hoursAfterT0(1)), cancel(hoursAfterT0(2), 'ordered twice')],
  'a refunded order': [placeOrder(), pay(), closeRefunded(undefined, hoursAfterT0(30))],
  'an unpaid order closed by its timer': [placeOrder(), timerCommand('CloseUnpaidOrder', hoursAfterT0(73))],
  'an order with more notes than it carries': [placeOrder(), ...Array.from({ length: 25 }, (_, i) => note(`note ${i + 1}`, hoursAfterT0(1 + i)))],
};

describe('evolveOrderInPlace (the orders rebuild fold, and the command handler’s cache)', () => {
  it.each(Object.entries(histories))('given %s, then every document it folds serialises exactly as evolveOrder’s', (_, commands) => {
    const events = eventsOf(commands);

    expect(inPlaceDocuments(events)).toEqual(immutableDocuments(events));
  });

  it('covers every order event type between its histories', () => {
    const seen = new Set(Object.values(histories).flatMap((commands) => eventsOf(commands).map((event) => event.type)));

    expect([...seen].sort()).toEqual([...new Set(orderEvents.map((definition) => definition.type))].sort());
  });

  it('given the events of a history, when folded in place, then no event’s data changes (documents share their values)', () => {
    const perHistory = Object.values(histories).map(eventsOf);
    const before = structuredClone(perHistory);

    for (const events of perHistory) inPlaceDocuments(events);

    expect(perHistory).toEqual(before);
  });

  it.each(Object.entries(histories))('given %s folded in place, then a copy taken after each event still shows that event’s order at the end', (_, commands) => {
    const events = eventsOf(commands);
    let state: OrderState = null;
    const copies: OrderState[] = [];

    for (const event of events) copies.push(copyOrder((state = evolveOrderInPlace(state, event))));

    expect(copies.map((copy) => JSON.stringify(copy))).toEqual(immutableDocuments(events));
  });
});
