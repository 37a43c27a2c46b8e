import type { AccessTable, OwnerLookups } from '@aftersales/nest';
import type { TimelineQueries } from '../application/timeline.queries';
import { TIMELINE_QUERIES } from './timeline.tokens';

const owners: OwnerLookups<TimelineQueries> = {
  token: TIMELINE_QUERIES,
  kinds: { order: (timelines, orderId) => timelines.orderParties(orderId) },
};

/** An order's timeline: its buyer, the shop's staff, platform and finance across shops. */
export const TIMELINE_ACCESS: AccessTable = {
  capability: 'timeline',
  owners,
  operations: {
    timeline: {
      rule: 'timeline.read',
      allow: { buyer: 'own', agent: 'shop', supervisor: 'shop', platform: 'any', finance: 'any' },
      resource: { kind: 'order', param: 'orderId' },
    },
  },
};
