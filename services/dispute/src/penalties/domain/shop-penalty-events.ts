import type { currentPenaltyEvents, DomainEventOf } from '@aftersales/contracts';

/** The events of a shop's penalty stream, in the versions the decider writes. */
export type ShopPenaltyEvent = DomainEventOf<(typeof currentPenaltyEvents)[number]>;
export type ShopPenaltyEventData<T extends ShopPenaltyEvent['type']> = Extract<ShopPenaltyEvent, { type: T }>['data'];

export const shopPenaltyEvent = <T extends ShopPenaltyEvent['type']>(type: T, data: ShopPenaltyEventData<T>): ShopPenaltyEvent =>
  ({ type, data }) as ShopPenaltyEvent;
