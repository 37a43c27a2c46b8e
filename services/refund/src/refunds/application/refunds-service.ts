import type { Platform } from '@aftersales/kernel';
import { allowanceTimerPolicy, refundTimerPolicy, REFUND_SERVICE } from '../policies';
import { REFUND_ORDER_FACTS } from '../projections/order-facts.projection';
import { refundsProjection } from '../projections/refunds.projection';
import { onDisputeEvent } from './dispute.reactions';
import { onLogisticsEvent } from './logistics.reactions';
import { onOrderEvent } from './order.reactions';
import { REFUND_CONSUMER_GROUP } from './refund-actors';
import { createRefundHandlers } from './refund-handlers';
import { refundCommands } from './refund.commands';
import { refundQueries } from './refunds.queries';
import { onRefundEvent } from './refund.reactions';
import { onReviewEvent } from './review.reactions';
import { fireRefundTimer } from './refund.timers';
import { shipReissue } from './reissue.commands';
import { requestRefund } from './request.commands';
import type { Refunds, RefundsDependencies, RefundsOptions } from './refunds.types';

export { PLATFORM_RETURNS_DESK } from './refund.timers';

/**
 * The refund requests (streams refund-<refundId> and the order allowances): the facade that wires the command
 * groups, the bus reactions (group `refund`), the fired timers and the reads onto one set of command handlers.
 */
export function createRefunds(platform: Platform, deps: RefundsDependencies, options: RefundsOptions = {}): Refunds {
  const h = createRefundHandlers(platform, deps, options);
  return {
    requestRefund: (input, ctx) => requestRefund(h, input, ctx),
    ...refundCommands(h),
    shipReissue: (refundId, input, ctx) => shipReissue(h, refundId, input, ctx),
    ...refundQueries(h),
    onOrderEvent: (event) => onOrderEvent(h, event),
    onLogisticsEvent: (event) => onLogisticsEvent(h, event),
    onRefundEvent: (event) => onRefundEvent(h, event),
    onDisputeEvent: (event) => onDisputeEvent(h, event),
    onReviewEvent: (event) => onReviewEvent(h, event),
    runtime: {
      name: REFUND_SERVICE,
      projections: [refundsProjection],
      busFedViews: [
        { name: REFUND_ORDER_FACTS, projection: REFUND_ORDER_FACTS, collections: [REFUND_ORDER_FACTS], group: REFUND_CONSUMER_GROUP },
      ],
      timerPolicies: [refundTimerPolicy, allowanceTimerPolicy],
      fireTimer: (timer) => fireRefundTimer(h, timer),
    },
  };
}
