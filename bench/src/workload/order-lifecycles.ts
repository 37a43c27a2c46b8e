import type { ActorRole, OrderEvent } from '@aftersales/contracts';
import { fold } from '@aftersales/kernel';
import { orderDecider, type OrderCommand, type OrderState } from '@aftersales/order';
import { addNoteCommand, benchOrderId, placeOrderCommand, sampleAddress } from './sample-orders';
import { SeededRandom } from './seeded-random';

/** One command of an order's life, decided already: the events it appended, at its business time. */
export interface LifecycleStep {
  orderId: string;
  at: number;
  role: ActorRole;
  events: OrderEvent[];
}

export interface GeneratedHistory {
  /** Every order's steps interleaved in time order, as the log would hold them. */
  steps: LifecycleStep[];
  events: number;
  orders: number;
}

const HOUR = 3_600_000;
/**
 * Placements per day, whatever the log's length, as on a real platform: an order lives days to two weeks, so at most
 * ~12 000 orders are open at once and the log distance between an order's first and last events (in a million-event
 * log: median ~66 000 events, 90th percentile ~115 000, at most ~143 000) does not grow with the log. Spreading
 * every log over the same two weeks instead would keep most of a long log's orders open at once.
 */
const ORDERS_PER_DAY = 20_000 / 14;
const START = Date.parse('2026-11-02T00:00:00.000Z');

type Planned = { at: number; role: ActorRole; command: (at: string) => OrderCommand };

/**
 * Realistic order lives decided by the real order decider: online and cash-on-delivery orders, reminders, unpaid
 * closes, cancellations, address changes, invoices, agent notes, late shipments, returns, deliveries, buyer and
 * automatic receipt confirmations. Placements arrive at ORDERS_PER_DAY; the log is cut at `targetEvents`.
 */
export function generateOrderHistory(targetEvents: number, seed = 42): GeneratedHistory {
  const random = new SeededRandom(seed);
  const steps: LifecycleStep[] = [];
  const orderCount = Math.ceil(targetEvents / 5);
  const spacing = (24 * HOUR) / ORDERS_PER_DAY;
  for (let i = 0; i < orderCount; i++) {
    const orderId = benchOrderId(i);
    const placedAt = START + i * spacing + random.between(0, spacing);
    steps.push(...decideAll(orderId, planLife(orderId, placedAt, random)));
  }
  steps.sort((a, b) => a.at - b.at);
  const kept: LifecycleStep[] = [];
  let events = 0;
  for (const step of steps) {
    if (events + step.events.length > targetEvents) break;
    kept.push(step);
    events += step.events.length;
  }
  if (events < targetEvents - 1) throw new Error(`generated only ${events} events, wanted ${targetEvents}`);
  return { steps: kept, events, orders: new Set(kept.map((s) => s.orderId)).size };
}

function planLife(orderId: string, placedAt: number, random: SeededRandom): Planned[] {
  const plan: Planned[] = [];
  const at = (offsetHours: number) => placedAt + offsetHours * HOUR;
  const cod = random.chance(0.15);
  plan.push({ at: placedAt, role: 'buyer', command: (t) => placeOrderCommand(orderId, t, random, cod ? 'cod' : 'online') });
  let end = placedAt;
  let readyToShip = placedAt;
  if (!cod) {
    const fate = random.next();
    if (fate < 0.05) {
      end = at(random.between(0.1, 6));
      plan.push({ at: end, role: 'buyer', command: (t) => ({ type: 'CancelOrder', orderId, reason: 'changed my mind', at: t }) });
      return withNotes(plan, orderId, placedAt, end, random);
    }
    if (fate < 0.12) {
      plan.push({ at: at(12), role: 'system', command: (t) => ({ type: 'RecordPaymentReminder', orderId, at: t }) });
      end = at(72);
      plan.push({ at: end, role: 'system', command: (t) => ({ type: 'CloseUnpaidOrder', orderId, at: t }) });
      return withNotes(plan, orderId, placedAt, end, random);
    }
    const afterReminder = random.chance(0.2);
    if (afterReminder) plan.push({ at: at(12), role: 'system', command: (t) => ({ type: 'RecordPaymentReminder', orderId, at: t }) });
    readyToShip = at(afterReminder ? random.between(12.5, 60) : random.between(0.05, 11.5));
    plan.push({
      at: readyToShip,
      role: 'buyer',
      command: (t) => ({ type: 'PayOrder', orderId, amount: -1, paymentRef: `pay-${orderId}`, at: t }),
    });
  }
  const shippedAt = readyToShip + random.between(2, 80) * HOUR;
  if (random.chance(0.08)) {
    const changeAt = placedAt + random.between(0, shippedAt - placedAt - HOUR);
    const address = sampleAddress(random);
    plan.push({ at: changeAt, role: 'buyer', command: (t) => ({ type: 'ChangeAddress', orderId, address, at: t }) });
  }
  const wantsInvoice = random.chance(0.2);
  if (wantsInvoice) {
    plan.push({
      at: placedAt + random.between(0.2, 5) * HOUR,
      role: 'buyer',
      command: (t) => ({ type: 'RequestInvoice', orderId, title: 'Hangzhou Tea Trading Co.', taxId: '91330100MA2B3C4D5E', at: t }),
    });
  }
  const shipBy = readyToShip + 72 * HOUR;
  if (shippedAt > shipBy) plan.push({ at: shipBy, role: 'system', command: (t) => ({ type: 'CheckShipByDeadline', orderId, at: t }) });
  const dispatch = (t: string) => ({
    type: 'MarkShipped' as const,
    orderId,
    shipmentId: `shp-${orderId}`,
    carrier: 'sf',
    trackingNo: `SF${orderId.slice(-8)}`,
    dispatchedAt: t,
    at: t,
  });
  plan.push({ at: shippedAt, role: 'system', command: dispatch });
  if (wantsInvoice)
    plan.push({
      at: shippedAt + random.between(1, 48) * HOUR,
      role: 'integrator',
      command: (t) => ({ type: 'IssueInvoice', orderId, invoiceNo: `INV-${orderId}`, at: t }),
    });
  if (random.chance(0.03)) {
    end = shippedAt + random.between(24, 120) * HOUR;
    plan.push({
      at: end,
      role: 'system',
      command: (t) => ({ type: 'MarkReturned', orderId, shipmentId: `shp-${orderId}`, reason: 'refused', returnedAt: t, at: t }),
    });
    return withNotes(plan, orderId, placedAt, end, random);
  }
  const deliveredAt = shippedAt + random.between(20, 96) * HOUR;
  plan.push({
    at: deliveredAt,
    role: 'system',
    command: (t) => ({ type: 'MarkDelivered', orderId, shipmentId: `shp-${orderId}`, deliveredAt: t, at: t }),
  });
  end = random.chance(0.55) ? deliveredAt + random.between(0.5, 96) * HOUR : shippedAt + 10 * 24 * HOUR;
  const byBuyer = end < shippedAt + 10 * 24 * HOUR;
  plan.push({
    at: end,
    role: byBuyer ? 'buyer' : 'system',
    command: (t) => ({ type: byBuyer ? 'ConfirmReceipt' : 'AutoConfirmReceipt', orderId, at: t }),
  });
  return withNotes(plan, orderId, placedAt, end, random);
}

function withNotes(plan: Planned[], orderId: string, from: number, to: number, random: SeededRandom): Planned[] {
  const roll = random.next();
  const count = roll < 0.45 ? 0 : roll < 0.75 ? 1 : roll < 0.9 ? 2 : 3;
  for (let n = 0; n < count; n++) {
    const sequence = random.int(0, 1_000_000);
    plan.push({
      at: from + random.between(0.01, 1) * (to - from + HOUR),
      role: 'agent',
      command: (t) => addNoteCommand(orderId, t, sequence, `agent-${sequence % 40}`),
    });
  }
  return plan.sort((a, b) => a.at - b.at);
}

/** Decides the planned commands in order; a command the decider refuses (or that changes nothing) is left out. */
function decideAll(orderId: string, plan: Planned[]): LifecycleStep[] {
  let state: OrderState = orderDecider.initialState;
  const steps: LifecycleStep[] = [];
  for (const planned of plan) {
    let command = planned.command(new Date(planned.at).toISOString());
    if (command.type === 'PayOrder' && state) command = { ...command, amount: state.total };
    let events: OrderEvent[];
    try {
      events = orderDecider.decide(command, state);
    } catch {
      continue;
    }
    if (events.length === 0) continue;
    state = fold(orderDecider, state, events);
    steps.push({ orderId, at: planned.at, role: planned.role, events });
  }
  return steps;
}
