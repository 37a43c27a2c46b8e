import { contextFromTimer, type Timer } from '@aftersales/kernel';
import type { FollowUpMetric } from '@aftersales/contracts';
import { SCHEDULER_ACTOR } from './follow-up-actors';
import { runFollowUpCommand } from './follow-up-handler';
import type { FollowUpDeps } from './follow-ups.types';

/** A deadline's timer fired: the check runs under `timer:<timerId>`, caused by the opening that scheduled it. */
export async function fireFollowUpTimer({ handler }: Pick<FollowUpDeps, 'handler'>, timer: Timer): Promise<void> {
  const { type, followUpId, metric } = timer.command as { type?: string; followUpId?: string; metric?: FollowUpMetric };
  if (type !== 'CheckFollowUpDeadline' || typeof followUpId !== 'string' || !metric) {
    throw new Error(`timer ${timer.timerId} carries no follow-up timer command`);
  }
  await runFollowUpCommand(handler, 'CheckFollowUpDeadline', followUpId, { metric }, contextFromTimer(timer, SCHEDULER_ACTOR));
}
