import { useOrderCompensations } from '../../api/compensations';
import { useOrderDisputes } from '../../api/disputes';
import { useOrderFollowUps } from '../../api/follow-ups';
import { useOrder, useOrderTimeline } from '../../api/orders';
import { useOrderRefunds } from '../../api/refunds';
import { useOrderReview } from '../../api/reviews';
import { useCan } from '../../access/useCan';
import type { CaseFile } from './model/case-file-types';

/** Every read of the case file, each section on its own (a section that fails shows its problem, the others still show). */
export function useCaseFile(orderId: string) {
  const order = useOrder(orderId);
  const timeline = useOrderTimeline(orderId);
  const refunds = useOrderRefunds(orderId);
  const disputes = useOrderDisputes(orderId);
  const compensations = useOrderCompensations(orderId);
  const review = useOrderReview(orderId);
  // Follow-ups are the shop's and the platform's business: other roles are not asked for them at all.
  const followUps = useOrderFollowUps(orderId, useCan('GET /review-follow-ups', { shopId: order.data?.shopId }) && order.data !== undefined);
  const file: CaseFile | undefined = order.data && {
    order: order.data,
    timeline: timeline.data ?? [],
    refunds: refunds.data ?? [],
    disputes: disputes.data ?? [],
    compensations: compensations.data ?? [],
    review: review.data,
    followUps: followUps.data ?? [],
  };
  return { file, order, timeline, refunds, disputes, compensations, review, followUps };
}
