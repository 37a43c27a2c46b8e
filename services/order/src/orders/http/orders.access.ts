import { REQUEST_BODY, type AccessTable, type OwnerLookups } from '@aftersales/nest';
import type { OrderService } from '../application';
import { ORDER_SERVICE_TOKEN } from './orders.tokens';

const ORDER = { kind: 'order', param: 'orderId' } as const;
const BUYER = { buyer: 'own' } as const;
const SHOP_STAFF = { agent: 'shop', supervisor: 'shop' } as const;
/** Who reads an order: its buyer, its shop's staff, and platform and finance across shops. */
const READERS = { ...BUYER, ...SHOP_STAFF, platform: 'any', finance: 'any' } as const;

const owners: OwnerLookups<OrderService> = {
  token: ORDER_SERVICE_TOKEN,
  kinds: { order: (orders, orderId) => orders.orderParties(orderId) },
};

/** Who may do what on /orders (api.md "Identity and roles"). */
export const ORDERS_ACCESS: AccessTable = {
  capability: 'orders',
  owners,
  operations: {
    place: { rule: 'order.place_by_buyer', allow: BUYER, resource: { kind: REQUEST_BODY } },
    pay: { rule: 'order.pay_by_buyer', allow: BUYER, resource: ORDER },
    cancel: { rule: 'order.cancel_by_buyer', allow: BUYER, resource: ORDER },
    changeAddress: { rule: 'order.address_by_buyer', allow: BUYER, resource: ORDER },
    requestInvoice: { rule: 'order.invoice_request_by_buyer', allow: BUYER, resource: ORDER },
    confirmReceipt: { rule: 'order.receipt_by_buyer', allow: BUYER, resource: ORDER },
    addNote: { rule: 'order.notes_by_shop_staff', allow: SHOP_STAFF, resource: ORDER },
    issueInvoice: { rule: 'order.invoice_by_shop_staff', allow: SHOP_STAFF, resource: ORDER },
    list: { rule: 'order.read', allow: READERS },
    get: { rule: 'order.read', allow: READERS, resource: ORDER },
    notes: { rule: 'order.read', allow: READERS, resource: ORDER },
    events: { rule: 'order.read_events', allow: { ...READERS, integrator: 'any' }, resource: ORDER },
  },
};
