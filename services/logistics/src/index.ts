/*
 * @aftersales/logistics: shipments (outbound, return, reissue) and their carrier tracking, one capability (shipments/).
 * Names are exported explicitly: the service definition, the facade and what its callers and tests name.
 */
export {
  shipmentDecider,
  evolveShipment,
  initialShipmentState,
  ShipmentRules,
  trackingKeyOf,
  type ShipmentCommand,
  type ShipmentState,
  type KnownOrderStatus,
  type TrackingRules,
  type ReturnReason,
} from './shipments/domain';
export { LOGISTICS_SERVICE, trackingExpiryPolicy, trackingExpiryTimerId, type ExpireTrackingTimerCommand } from './shipments/policies';
export {
  shipmentsProjection,
  trackingIndexProjection,
  shipmentStreamId,
  SHIPMENTS_COLLECTION,
  TRACKING_INDEX_COLLECTION,
  ORDER_PAYMENTS,
  type ShipmentView,
  type TrackingIndexEntry,
  type OrderPaymentsDoc,
} from './shipments/projections';
export {
  createLogisticsService,
  CONSUMER_GROUP,
  type LogisticsService,
  type LogisticsServiceOptions,
  type ShipmentCommandResult,
  type CommandOptions,
  type CreateShipmentInput,
  type CreateReturnShipmentInput,
  type CreateReissueShipmentInput,
  type CarrierEventInput,
  type CarrierEventOutcome,
  type ReactionOutcome,
  type RefundReactionOutcome,
} from './shipments/application';
export {
  LogisticsModule,
  ShipmentsController,
  LogisticsReactionsController,
  LOGISTICS_SERVICE_TOKEN,
  ShipmentViewSchema,
  type LogisticsModuleOptions,
} from './shipments/http';
export * from './service-definition';
