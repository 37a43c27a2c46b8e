import type { LogisticsEvent, LogisticsEventData } from '@aftersales/contracts';
import { addDays, DomainError, withoutUndefined } from '@aftersales/kernel';
import type { RecordCarrierEvent, TrackingRules } from './shipment-commands';
import { ShipmentRules } from './shipment-rules';
import type { MilestoneTrigger, ShipmentState } from './shipment-state';

/* Building blocks shared by the shipment's decide functions. */

export type Event = LogisticsEvent;
export type DataOf<T extends Event['type']> = LogisticsEventData<T>;

export const shipmentMissing = (): DomainError =>
  new DomainError('not_found', ShipmentRules.shipmentNotFound, 'The shipment does not exist');

export const hasException = (state: ShipmentState, kind: string): boolean => state.exceptions.some((e) => e.kind === kind);

export function dispatchedEvent(
  state: ShipmentState,
  dispatchedAt: string,
  trigger: MilestoneTrigger,
  rules: TrackingRules,
  carrierEventId?: string,
): Event {
  const data: DataOf<'ShipmentDispatched'> = withoutUndefined({
    shipmentId: state.shipmentId,
    orderId: state.orderId,
    carrier: state.carrier,
    trackingNo: state.trackingNo,
    dispatchedAt,
    trigger,
    carrierEventId,
    trackingExpiresAt: addDays(dispatchedAt, rules.trackingExpiredAfterDays),
    rulebookVersion: rules.version,
  });
  // an outbound parcel with a refund id is a reissue: its milestones name the refund
  if (state.direction === 'outbound') return { type: 'ShipmentDispatched', data: withoutUndefined({ ...data, refundId: state.refundId }) };
  return { type: 'ReturnShipmentDispatched', data: { ...data, refundId: state.refundId ?? '' } };
}

export function exceptionEvent(
  state: ShipmentState,
  report: Pick<DataOf<'ShipmentException'>, 'kind' | 'reportedAt' | 'trigger' | 'detail'>,
  scan?: RecordCarrierEvent,
): Event {
  return {
    type: 'ShipmentException',
    data: withoutUndefined({
      shipmentId: state.shipmentId,
      orderId: state.orderId,
      direction: state.direction,
      refundId: state.refundId,
      kind: report.kind,
      reportedAt: report.reportedAt,
      trigger: report.trigger,
      carrierEventId: scan?.carrierEventId,
      subStatus: scan?.subStatus,
      detail: report.detail ?? scan?.description,
    }),
  };
}
