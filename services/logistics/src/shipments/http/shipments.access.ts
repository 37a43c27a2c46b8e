import type { AccessTable, OwnerLookups } from '@aftersales/nest';
import type { LogisticsService } from '../application';
import { LOGISTICS_SERVICE_TOKEN } from './shipments.tokens';

const SHIPMENT = { kind: 'shipment', param: 'shipmentId' } as const;
const SHOP_STAFF = { agent: 'shop', supervisor: 'shop' } as const;
/** Who reads shipments: the order's buyer and shop staff, platform and finance, and the carriers' integrations. */
const READERS = { buyer: 'own', ...SHOP_STAFF, platform: 'any', finance: 'any', integrator: 'any' } as const;

const owners: OwnerLookups<LogisticsService> = {
  token: LOGISTICS_SERVICE_TOKEN,
  kinds: {
    order: (logistics, orderId) => logistics.orderParties(orderId),
    shipment: (logistics, shipmentId) => logistics.shipmentParties(shipmentId),
  },
};

/** Who may do what on /shipments and /carrier-events (api.md "Identity and roles"). */
export const SHIPMENTS_ACCESS: AccessTable = {
  capability: 'shipments',
  owners,
  operations: {
    create: { rule: 'shipment.create_by_shop_staff', allow: SHOP_STAFF, resource: { kind: 'order', body: 'orderId' } },
    printLabel: { rule: 'shipment.label_by_shop_staff', allow: SHOP_STAFF, resource: SHIPMENT },
    dispatch: { rule: 'shipment.dispatch_by_shop_staff', allow: SHOP_STAFF, resource: SHIPMENT },
    cancel: { rule: 'shipment.cancel_by_shop_staff', allow: SHOP_STAFF, resource: SHIPMENT },
    reportException: { rule: 'shipment.exception_by_shop_staff_or_carrier', allow: { ...SHOP_STAFF, integrator: 'any' }, resource: SHIPMENT },
    returnToMerchant: { rule: 'shipment.return_by_shop_staff_or_carrier', allow: { ...SHOP_STAFF, integrator: 'any' }, resource: SHIPMENT },
    recordCarrierEvent: { rule: 'shipment.carrier_events_by_integrator', allow: { integrator: 'any' } },
    get: { rule: 'shipment.read', allow: READERS, resource: SHIPMENT },
    listByOrder: { rule: 'shipment.read', allow: READERS, resource: { kind: 'order', param: 'orderId' } },
  },
};
