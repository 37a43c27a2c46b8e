import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, isRefused, react, type CommandContext, type ServiceLog } from '@aftersales/kernel';
import { COMPENSATION_ACTOR, COMPENSATION_GROUP } from './compensation-handlers';
import type { CompensationCommandResult, CompensationReactionOutcome } from './compensation.types';

/** The context of the command a reaction runs: key `consumer:compensation:<eventId>`, so a redelivery appends nothing. */
export const reactionContext = (event: EventEnvelope): CommandContext => contextFromEvent(event, { group: COMPENSATION_GROUP, actor: COMPENSATION_ACTOR });

/** A refusal is final (a redelivery would be refused again): reported, not thrown. */
export async function reactTo(
  event: EventEnvelope,
  log: ServiceLog,
  action: () => Promise<CompensationCommandResult | void>,
): Promise<CompensationReactionOutcome> {
  const result = await react(event, log, action);
  if (isRefused(result)) return result;
  return result ? { outcome: 'applied', eventIds: result.eventIds, replayed: result.replayed } : { outcome: 'applied', eventIds: [], replayed: false };
}
