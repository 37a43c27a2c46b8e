import { contextFromTimer, type Timer } from '@aftersales/kernel';
import { disputeTimerCommandTypes, type DisputeTimerCommand } from '../domain';
import type { CaseDeps } from './cases.types';
import { SCHEDULER_ACTOR } from './dispute-actors';
import { runDisputeCommand } from './dispute-handler';

/** A durable timer fired: its command runs under `timer:<timerId>`, caused by the event that scheduled it. */
export async function fireDisputeTimer({ handler }: Pick<CaseDeps, 'handler'>, timer: Timer): Promise<void> {
  const { type, disputeId, ...rest } = timer.command as Partial<DisputeTimerCommand> & Record<string, unknown>;
  if (!type || !disputeTimerCommandTypes.includes(type) || typeof disputeId !== 'string') {
    throw new Error(`timer ${timer.timerId} carries no dispute timer command`);
  }
  await runDisputeCommand(handler, type, disputeId, rest as never, contextFromTimer(timer, SCHEDULER_ACTOR));
}
