import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, isRefused, react, type CommandContext, type ServiceLog } from '@aftersales/kernel';
import { REFUND_ACTOR, REFUND_CONSUMER_GROUP } from './refund-actors';
import type { RefundReactionOutcome } from './refunds.types';

/** One command a reaction runs; its name completes the log line of a refusal. */
export interface ReactionEffect {
  name: string;
  run: () => Promise<unknown>;
}

/** The context of an effect of `event`: key `consumer:refund:<eventId>[:<effect>]`, so a redelivery appends nothing. */
export const reactionContext = (event: EventEnvelope, effect?: string): CommandContext =>
  contextFromEvent(event, { group: REFUND_CONSUMER_GROUP, actor: REFUND_ACTOR, effect });

/** Runs the effects in order; a refusal ends the reaction (it would be refused again on redelivery). */
export async function runEffects(event: EventEnvelope, log: ServiceLog, steps: ReactionEffect[]): Promise<RefundReactionOutcome> {
  const done: string[] = [];
  for (const step of steps) {
    const outcome = await react(event, (message, details) => log(`${step.name} after ${message}`, details), step.run);
    if (isRefused(outcome)) return outcome;
    done.push(step.name);
  }
  return { outcome: 'applied', effects: done };
}
