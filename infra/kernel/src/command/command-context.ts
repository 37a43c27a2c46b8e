import type { Actor, TraceContext } from '@aftersales/contracts';
import type { Timer } from '../ports/timer-store';
import type { CommandContext } from './command-handler';
import { consumerCommandKey, timerCommandKey } from './command-keys';

/** What a command needs to know of the event that caused it (an EventEnvelope, a RecordedEvent). */
export interface CausingEvent {
  eventId: string;
  correlationId: string;
  trace?: TraceContext;
}

/** The context of a command caused by `event`, in its correlation and trace, that brings its own idempotency. */
export function contextCausedBy(event: CausingEvent, actor: Actor): CommandContext {
  return {
    actor: { ...actor },
    correlationId: event.correlationId,
    causationId: event.eventId,
    ...(event.trace ? { trace: event.trace } : {}),
  };
}

/**
 * The context of a command a consumer group runs for `event`: caused by it, in its correlation and trace, under the
 * key `consumer:<group>:<eventId>[:<effect>]` so a redelivery appends nothing.
 */
export function contextFromEvent(event: CausingEvent, reaction: { group: string; actor: Actor; effect?: string }): CommandContext {
  return { ...contextCausedBy(event, reaction.actor), commandKey: consumerCommandKey(reaction.group, event.eventId, reaction.effect) };
}

/** The context of the command a durable timer fires: caused by the event that scheduled it, under `timer:<timerId>`. */
export function contextFromTimer(timer: Timer, actor: Actor): CommandContext {
  return {
    actor: { ...actor },
    correlationId: timer.scheduledBy.correlationId,
    causationId: timer.scheduledBy.eventId,
    commandKey: timerCommandKey(timer.timerId),
  };
}
