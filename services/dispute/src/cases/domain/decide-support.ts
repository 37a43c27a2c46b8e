import type { DisputeCaseEvent, DisputeCaseEventType, DisputeStatus } from '@aftersales/contracts';
import { notFound, withoutUndefined } from '@aftersales/kernel';
import type { DisputeCase, DisputeState } from './dispute-state';

type CaseEventData<T extends DisputeCaseEventType> = Extract<DisputeCaseEvent, { type: T }>['data'];

/** Builds a typed case event, leaving out optional fields that are undefined. */
export const disputeEvent = <T extends DisputeCaseEventType>(type: T, data: CaseEventData<T>): DisputeCaseEvent =>
  ({ type, data: withoutUndefined(data) }) as DisputeCaseEvent;

export function requireCase(state: DisputeState, disputeId: string): DisputeCase {
  if (state === null) throw notFound('dispute', disputeId);
  return state;
}

export const caseKeys = (c: DisputeCase) => ({ disputeId: c.id, orderId: c.orderId, shopId: c.shopId });

/** The status change that goes with an event that moves the case; nothing when it stays where it is. */
export function statusChange(c: DisputeCase, to: DisputeStatus, at: string, cause?: string): DisputeCaseEvent[] {
  if (c.status === to) return [];
  return [disputeEvent('DisputeStatusChanged', { ...caseKeys(c), from: c.status, to, cause, at })];
}
