import type { Rulebook } from '@aftersales/contracts';
import type { Platform, RecordedEvent, ServiceLog, ServiceRuntime } from '@aftersales/kernel';
import { DISPUTE_SERVICE } from '../policies';
import { createDisputeCommandHandler, disputeStreamId } from './dispute-handler';
import { newDisputeId } from './dispute-ids';
import type { CaseDeps } from './cases.types';

/** The case capability's facade: commands, reactions, timers and reads of `dispute-<id>` streams. */
export interface CaseService {
  /** The case's stream, each event in its envelope; [] for an unknown case. */
  caseStream(disputeId: string): Promise<RecordedEvent[]>;
  readonly runtime: ServiceRuntime;
}

export interface CaseServiceOptions {
  /** Rulebook whose numbers new decisions use; default the current one. */
  rulebook?: Rulebook;
  newDisputeId?: (now: Date) => string;
  log?: ServiceLog;
}

export function createCaseService(platform: Platform, options: CaseServiceOptions = {}): CaseService {
  const deps: CaseDeps = {
    handler: createDisputeCommandHandler(platform, options.rulebook),
    platform,
    newDisputeId: options.newDisputeId ?? newDisputeId,
    log: options.log ?? ((message, details) => console.warn(`[dispute] ${message}`, details ?? '')),
  };
  return {
    caseStream: (disputeId) => deps.platform.eventStore.readStream(disputeStreamId(disputeId), 0),
    runtime: { name: DISPUTE_SERVICE, projections: [], timerPolicies: [], fireTimer: async () => undefined },
  };
}
