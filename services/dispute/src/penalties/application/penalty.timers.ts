import { contextFromTimer, type Timer } from '@aftersales/kernel';
import type { LiftRestriction } from '../domain';
import { runShopPenaltyCommand } from './penalty-handler';
import type { PenaltiesDeps } from './penalties.types';

export const PENALTY_SCHEDULER_ACTOR = { id: 'scheduler', role: 'system' } as const;

/** A restriction's timer fired: it is lifted under `timer:<timerId>`, caused by the ShopRestricted that scheduled it. */
export async function firePenaltyTimer({ handler }: Pick<PenaltiesDeps, 'handler'>, timer: Timer): Promise<void> {
  const command = timer.command as Partial<LiftRestriction>;
  const { shopId, year, kind, restrictionFrom, reason } = command;
  if (command.type !== 'LiftRestriction' || !shopId || !year || !kind || !restrictionFrom || !reason) {
    throw new Error(`timer ${timer.timerId} carries no penalty timer command`);
  }
  await runShopPenaltyCommand(handler, 'LiftRestriction', { shopId, year, kind, restrictionFrom, reason }, contextFromTimer(timer, PENALTY_SCHEDULER_ACTOR));
}
