/**
 * Carriers report the same parcel with varying case and stray spaces: the lookup key compares the
 * carrier code case-insensitively and the tracking number in upper case.
 */
export const normalizeCarrier = (carrier: string): string => carrier.trim().toLowerCase();
export const normalizeTrackingNo = (trackingNo: string): string => trackingNo.trim().toUpperCase();

export const trackingKeyOf = (carrier: string, trackingNo: string): string =>
  `${normalizeCarrier(carrier)}:${normalizeTrackingNo(trackingNo)}`;
