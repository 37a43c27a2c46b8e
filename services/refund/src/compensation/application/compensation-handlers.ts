import { randomUUID } from 'node:crypto';
import { compensationEvents, currentRulebook, type CompensationDecided } from '@aftersales/contracts';
import { CommandHandler, type CommandContext, type Platform, type ServiceLog } from '@aftersales/kernel';
import {
  calculateCompensation,
  compensationDecider,
  compensationStreamId,
  type CompensationClaim,
  type CompensationCommand,
  type OrderFacts,
} from '../domain';
import type { CompensationCommandResult, CompensationServiceDeps } from './compensation.types';

export const COMPENSATION_SERVICE = 'compensation';
/** Consumer group of the compensation reactions (order topic: missed ship-by; refund topic: payouts). */
export const COMPENSATION_GROUP = 'compensation';
export const COMPENSATION_ACTOR = { id: 'compensation', role: 'system' } as const;

/** Time-ordered, then 40 random bits: 10 random hex digits of a UUID (Node draws those from a buffered pool, not a call into OpenSSL per id). */
export const newCompensationId = (now: Date): string => {
  const random = randomUUID();
  return `cmp_${now.getTime().toString(36).padStart(9, '0')}${random.slice(0, 8)}${random.slice(9, 11)}`;
};

/** What the compensation use cases share: the command handler of the compensation streams, the rulebook, the ports. */
export interface CompensationHandlers {
  readonly platform: Platform;
  readonly deps: CompensationServiceDeps;
  readonly log: ServiceLog;
  newId(now: Date): string;
  run(compensationId: string, command: (at: string) => CompensationCommand, ctx: CommandContext): Promise<CompensationCommandResult>;
  /**
   * Records a decision computed at `at` from the facts; the calculator's refusal (422) stops the command. When the
   * stream already holds a decision, `whenDecided` says whether that changes nothing (default) or is refused (409).
   */
  decide(
    compensationId: string,
    claim: CompensationClaim,
    facts: OrderFacts,
    extra: Partial<CompensationDecided>,
    ctx: CommandContext,
    whenDecided?: 'ignore' | 'refuse',
  ): Promise<CompensationCommandResult>;
}

const schemaVersions = new Map(compensationEvents.map((d) => [d.type, d.version]));

export function createCompensationHandlers(platform: Platform, deps: CompensationServiceDeps): CompensationHandlers {
  const handler = new CommandHandler(platform.eventStore, platform.clock, {
    decider: compensationDecider,
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
  });
  const rulebook = deps.rulebook ?? currentRulebook();
  const run: CompensationHandlers['run'] = (compensationId, command, ctx) => handler.handle(compensationStreamId(compensationId), command, ctx);
  return {
    platform,
    deps,
    log: deps.log ?? ((message, details) => console.warn(`[compensation] ${message}`, details ?? '')),
    newId: deps.newCompensationId ?? newCompensationId,
    run,
    decide: (compensationId, claim, facts, extra, ctx, whenDecided = 'ignore') =>
      run(
        compensationId,
        (at) => {
          const { shopId, buyerId, ...calculation } = calculateCompensation(claim, facts, rulebook, at);
          const decision: CompensationDecided = { compensationId, orderId: facts.orderId, shopId, buyerId, ...calculation, ...extra, decidedAt: at };
          return { type: 'DecideCompensation', decision, whenDecided };
        },
        ctx,
      ),
  };
}
