import { runtimeWithoutTimers, type Platform } from '@aftersales/kernel';
import { compensationPayoutId, type CompensationState } from '../domain';
import { compensationView } from '../projections/compensation.document';
import { compensationsProjection } from '../projections/compensations.projection';
import { orderFactsProjection } from '../projections/order-facts.projection';
import { remedyApprovalsProjection } from '../projections/remedy-approvals.projection';
import { COMPENSATION_SERVICE, createCompensationHandlers } from './compensation-handlers';
import { approvalCommands, proposeCompensation } from './compensation.commands';
import { compensationQueries } from './compensation.queries';
import type { CompensationService, CompensationServiceDeps } from './compensation.types';
import { onDisputeEvent } from './dispute.reactions';
import { onOrderEvent } from './order.reactions';
import { onRefundEvent } from './refund.reactions';
import { onReviewEvent } from './review.reactions';

/** Compensation decisions (streams compensation-<id>): the facade over the commands, reactions and reads. */
export function createCompensationService(platform: Platform, deps: CompensationServiceDeps): CompensationService {
  const h = createCompensationHandlers(platform, deps);
  return {
    propose: (input, ctx) => proposeCompensation(h, input, ctx),
    ...approvalCommands(h),
    ...compensationQueries(h),
    onOrderEvent: (event) => onOrderEvent(h, event),
    onRefundEvent: (event) => onRefundEvent(h, event),
    onDisputeEvent: (event) => onDisputeEvent(h, event),
    onReviewEvent: (event) => onReviewEvent(h, event),
    view: (state: CompensationState) => compensationView(state, compensationPayoutId),
    runtime: runtimeWithoutTimers(COMPENSATION_SERVICE, 'the compensation service', [orderFactsProjection, compensationsProjection, remedyApprovalsProjection]),
  };
}
