/** Stable codes of the refusals the shipment decider makes (problem `code`; `rule` for 422s). */
export const ShipmentRules = {
  /** 404: a command for a shipment stream that does not exist (the application names the id). */
  shipmentNotFound: 'logistics.shipment_not_found',
  /** 422: an outbound shipment needs a paid order (or a cash-on-delivery order awaiting shipment). */
  shipOnlyPaidOrders: 'logistics.ship_only_paid_orders',
  /** 409: the order is past the point where a first shipment is created (shipped, closed…). */
  orderNotAwaitingShipment: 'logistics.order_not_awaiting_shipment',
  /** 409: one active outbound shipment per order. */
  activeShipmentExists: 'logistics.active_shipment_exists',
  /** 409: a carrier + tracking number identifies one shipment. */
  trackingNumberInUse: 'logistics.tracking_number_in_use',
  /** 409: only an outbound shipment comes back to the merchant as "returned". */
  notOutbound: 'logistics.not_outbound',
  /**
   * 409: an outbound shipment is dispatched by hand only once the order froze its address for it (ShippingAddressLocked
   * seen on the order topic): no address change can then land after the dispatch. Retry in a moment.
   */
  addressNotLocked: 'logistics.address_not_locked',
  /** 422: a carrier scan dated before the dispatch (or the shipment's creation) or ahead of the platform's clock, beyond the rulebook's skew. */
  implausibleEventTime: 'logistics.implausible_event_time',
} as const;
