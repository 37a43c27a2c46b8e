import { publishedOrDraftRulebook, rulebookVersion, type CompensationKind } from '@aftersales/contracts';
import { invalid, type EventStore, type ReadModelStore } from '@aftersales/kernel';
import { decisionPages, loadSourceEvents } from './log-scan';
import { addTo, emptyTotals, recompute, verifyDecision, type AuditSources, type DecisionEvent, type Mismatch, type Totals } from '../domain/recompute';

export interface Period {
  from?: string;
  to?: string;
}

export interface VerificationReport {
  checked: number;
  mismatches: Mismatch[];
  /** Decision events read from the log (those outside the period included). */
  eventsRead: number;
  ms: number;
}

export interface WhatIfChange {
  compensationId: string;
  orderId: string;
  kind: CompensationKind;
  recorded: { amount: number; rulebookVersion: string; requiresSupervisorApproval: boolean };
  whatIf: { amount: number; requiresSupervisorApproval: boolean } | { refused: string };
}

export interface WhatIfReport {
  rulebookVersion: string;
  from?: string;
  to?: string;
  decisions: number;
  recorded: Totals;
  whatIf: Totals & { refused: number };
  delta: { amount: number; requiringApproval: number; byKind: Partial<Record<CompensationKind, number>> };
  changed: WhatIfChange[];
  changedCount: number;
  ms: number;
}

export interface CompensationAudit {
  /** Recomputes every decision (in the period, by decidedAt) with the rulebook version it recorded. */
  verify(period?: Period): Promise<VerificationReport>;
  /** Recomputes the period's decisions with another rulebook version; writes nothing. */
  whatIf(rulebookVersion: string, period?: Period): Promise<WhatIfReport>;
}

const MAX_CHANGES_LISTED = 200;

const inPeriod = (at: string, { from, to }: Period) =>
  (from === undefined || Date.parse(at) >= Date.parse(from)) && (to === undefined || Date.parse(at) < Date.parse(to));

/** A decision in the period, with what recomputing it needs. */
type Visit = (decision: DecisionEvent, sources: AuditSources) => void;

/**
 * The audit replay over what the service keeps itself: the decisions in its log, the order events they name in its
 * `compensation_source_events` view (see projections/source-events.projection.ts). Never writes. Decisions stream
 * through a page at a time (read by type, with the source events the page names), so memory holds one page and the
 * report, whatever the number of decisions.
 */
export function createCompensationAudit(store: EventStore, readModels: ReadModelStore): CompensationAudit {
  const eachDecision = async (period: Period, visit: Visit): Promise<{ decisions: number; eventsRead: number }> => {
    let decisions = 0;
    let eventsRead = 0;
    for await (const page of decisionPages(store)) {
      eventsRead += page.length;
      const inScope = page.filter((d) => inPeriod(d.data.decidedAt, period));
      const events = await loadSourceEvents(readModels, inScope);
      const sources: AuditSources = { event: (id) => events.get(id), rulebook: rulebookVersion };
      for (const decision of inScope) visit(decision, sources);
      decisions += inScope.length;
    }
    return { decisions, eventsRead };
  };

  return {
    async verify(period = {}) {
      const started = performance.now();
      const mismatches: Mismatch[] = [];
      const log = await eachDecision(period, (decision, sources) => {
        for (const mismatch of verifyDecision(decision, sources)) mismatches.push(mismatch);
      });
      return { checked: log.decisions, mismatches, eventsRead: log.eventsRead, ms: Math.round(performance.now() - started) };
    },

    async whatIf(version, period = {}) {
      const started = performance.now();
      const alternative = publishedOrDraftRulebook(version);
      if (!alternative) throw invalid(`unknown rulebook version ${version}`, [{ field: 'rulebookVersion', message: `no published or draft rulebook ${version}` }]);
      const recorded = emptyTotals();
      const whatIf = { ...emptyTotals(), refused: 0 };
      const changed: WhatIfChange[] = [];
      let changedCount = 0;
      const log = await eachDecision(period, (decision, sources) => {
        const d = decision.data;
        addTo(recorded, d.kind, d.amount, d.requiresSupervisorApproval);
        const again = recompute(decision, alternative, sources);
        if (again.ok) addTo(whatIf, d.kind, again.calculation.amount, again.calculation.requiresSupervisorApproval);
        else whatIf.refused++;
        if (again.ok && again.calculation.amount === d.amount && again.calculation.requiresSupervisorApproval === d.requiresSupervisorApproval) return;
        changedCount++;
        if (changed.length >= MAX_CHANGES_LISTED) return;
        changed.push({
          compensationId: d.compensationId,
          orderId: d.orderId,
          kind: d.kind,
          recorded: { amount: d.amount, rulebookVersion: d.rule.rulebookVersion, requiresSupervisorApproval: d.requiresSupervisorApproval },
          whatIf: again.ok ? { amount: again.calculation.amount, requiresSupervisorApproval: again.calculation.requiresSupervisorApproval } : { refused: again.detail },
        });
      });
      const kinds = new Set([...Object.keys(recorded.byKind), ...Object.keys(whatIf.byKind)]) as Set<CompensationKind>;
      const byKind = Object.fromEntries([...kinds].map((k) => [k, (whatIf.byKind[k]?.amount ?? 0) - (recorded.byKind[k]?.amount ?? 0)]));
      return {
        rulebookVersion: version,
        from: period.from,
        to: period.to,
        decisions: log.decisions,
        recorded,
        whatIf,
        delta: { amount: whatIf.amount - recorded.amount, requiringApproval: whatIf.requiringApproval - recorded.requiringApproval, byKind },
        changed,
        changedCount,
        ms: Math.round(performance.now() - started),
      };
    },
  };
}
