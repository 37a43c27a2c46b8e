import type { Compensation } from '../../../api/compensations';
import type { Dispute } from '../../../api/disputes';
import type { FollowUp } from '../../../api/follow-ups';
import type { Order, TimelineEntry } from '../../../api/orders';
import type { Refund } from '../../../api/refunds';
import type { Review } from '../../../api/reviews';

export type { Compensation, Dispute, FollowUp, Order, Refund, Review, TimelineEntry };

/** Everything the case file shows about one order. */
export interface CaseFile {
  order: Order;
  timeline: TimelineEntry[];
  refunds: Refund[];
  disputes: Dispute[];
  compensations: Compensation[];
  review?: Review | null;
  followUps: FollowUp[];
}
