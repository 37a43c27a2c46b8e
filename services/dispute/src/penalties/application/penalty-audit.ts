import { rulebookVersion, type ViolationType } from '@aftersales/contracts';
import type { EventStore, RecordedEvent } from '@aftersales/kernel';
import { verifyPenaltyStream, type PenaltyDecision, type PenaltyMismatch, type RulingFinding, type ShopPenaltyEventData } from '../domain';
import { reversalOfAppealRuling, violationOfCompensation, violationOfRuling } from '../policies';

export interface PenaltyVerificationReport {
  checked: number;
  mismatches: PenaltyMismatch[];
  /** Assessments whose source event is in another process's log (Kafka mode: a compensation of the refund service). */
  sourcesNotInLog: number;
  eventsRead: number;
  ms: number;
}

export interface PenaltyAudit {
  /** Recomputes every penalty assessment, revocation and restriction from the log, with the rulebook version each recorded. */
  verify(): Promise<PenaltyVerificationReport>;
}

const PENALTY_TYPES = ['PenaltyPointsAssessed', 'PenaltyPointsRevoked', 'ShopRestricted', 'ShopRestrictionLifted'] as const;
const SOURCE_TYPES = ['DisputeRuled', 'CompensationDecided'] as const;

interface PenaltyStream {
  /** Assessments, revocations and lifts in log order. */
  decisions: PenaltyDecision[];
  restrictions: ShopPenaltyEventData<'ShopRestricted'>[];
}

async function* pagesOf(store: EventStore, types: readonly string[], pageSize = 1000): AsyncGenerator<RecordedEvent[]> {
  let position = 0;
  for (;;) {
    const page = await store.readAllOfTypes(types, position, pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    position = page[page.length - 1].position;
  }
}

/**
 * The penalty audit: reads the decisions of this process's log (by type), groups them by shop-year stream in log
 * order, and recomputes them with verifyPenaltyStream; the violation of each source event is re-read from the same
 * log. Never writes. Memory holds the penalty decisions and one violation per source event.
 */
export function createPenaltyAudit(store: EventStore): PenaltyAudit {
  return {
    async verify() {
      const started = performance.now();
      let eventsRead = 0;
      const violations = new Map<string, ViolationType>();
      const appealRulings = new Map<string, RulingFinding>();
      for await (const page of pagesOf(store, SOURCE_TYPES)) {
        eventsRead += page.length;
        for (const event of page) {
          const found = violationOfRuling(event) ?? violationOfCompensation(event);
          if (found) violations.set(event.eventId, found.violation);
          const reversal = reversalOfAppealRuling(event)[0];
          if (reversal) appealRulings.set(event.eventId, { onAppeal: true, ...(reversal.stillFound ? { stillFound: reversal.stillFound } : {}) });
          else if (event.type === 'DisputeRuled') appealRulings.set(event.eventId, { onAppeal: false, ...(found ? { stillFound: found.violation } : {}) });
        }
      }
      const streams = new Map<string, PenaltyStream>();
      for await (const page of pagesOf(store, PENALTY_TYPES)) {
        eventsRead += page.length;
        for (const event of page) {
          if (!event.streamId.startsWith('shop-penalty-') || (event.type === 'PenaltyPointsAssessed' && event.schemaVersion < 2)) continue;
          const stream = streams.get(event.streamId) ?? { decisions: [], restrictions: [] };
          streams.set(event.streamId, stream);
          if (event.type === 'ShopRestricted') stream.restrictions.push(event.data as ShopPenaltyEventData<'ShopRestricted'>);
          else stream.decisions.push({ type: event.type, data: event.data } as PenaltyDecision);
        }
      }
      const report: PenaltyVerificationReport = { checked: 0, mismatches: [], sourcesNotInLog: 0, eventsRead, ms: 0 };
      const sources = { rulebook: rulebookVersion, violationOf: (id: string) => violations.get(id), rulingOf: (id: string) => appealRulings.get(id) };
      for (const { decisions, restrictions } of streams.values()) {
        const verified = verifyPenaltyStream(decisions, restrictions, sources);
        report.checked += verified.checked;
        report.mismatches.push(...verified.mismatches);
        report.sourcesNotInLog += verified.sourcesNotInLog;
      }
      report.ms = Math.round(performance.now() - started);
      return report;
    },
  };
}
