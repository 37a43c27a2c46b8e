import { randomBytes } from 'node:crypto';

/** `shp_` + creation time in base36 (lists ordered by id follow creation order) + 40 random bits. */
export const newShipmentId = (now: Date): string => `shp_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;
