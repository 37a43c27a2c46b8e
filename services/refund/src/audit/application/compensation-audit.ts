import { publishedOrDraftRulebook, rulebookVersion, type CompensationKind } from '@aftersales/contracts';
import { invalid, type EventStore, type ReadModelStore } from '@aftersales/kernel';
import { loadSourceEvents, scanCompensationLog } from './log-scan';
import { addTo, emptyTotals, recompute, verifyDecision, type AuditSources, type Mismatch, type Totals } from '../domain/recompute';

export interface Period {
  from?: string;
  to?: string;
}

export interface VerificationReport {
  checked: number;
  mismatches: Mismatch[];
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

/**
 * The audit replay over what the service keeps itself: the decisions in its log, the order events they name in its
 * `compensation_source_events` view (see projections/source-events.projection.ts). Never writes.
 */
export function createCompensationAudit(store: EventStore, readModels: ReadModelStore): CompensationAudit {
  const load = async (period: Period) => {
    const log = await scanCompensationLog(store);
    const decisions = log.decisions.filter((d) => inPeriod(d.data.decidedAt, period));
    const events = await loadSourceEvents(readModels, decisions);
    const sources: AuditSources = { event: (id) => events.get(id), rulebook: rulebookVersion };
    return { decisions, sources, eventsRead: log.eventsRead };
  };

  return {
    async verify(period = {}) {
      const started = performance.now();
      const log = await load(period);
      const mismatches = log.decisions.flatMap((decision) => verifyDecision(decision, log.sources));
      return { checked: log.decisions.length, mismatches, eventsRead: log.eventsRead, ms: Math.round(performance.now() - started) };
    },

    async whatIf(version, period = {}) {
      const started = performance.now();
      const alternative = publishedOrDraftRulebook(version);
      if (!alternative) throw invalid(`unknown rulebook version ${version}`, [{ field: 'rulebookVersion', message: `no published or draft rulebook ${version}` }]);
      const log = await load(period);
      const recorded = emptyTotals();
      const whatIf = { ...emptyTotals(), refused: 0 };
      const changed: WhatIfChange[] = [];
      for (const decision of log.decisions) {
        const d = decision.data;
        addTo(recorded, d.kind, d.amount, d.requiresSupervisorApproval);
        const again = recompute(decision, alternative, log.sources);
        const outcome = again.ok ? { amount: again.calculation.amount, requiresSupervisorApproval: again.calculation.requiresSupervisorApproval } : { refused: again.detail };
        if (again.ok) addTo(whatIf, d.kind, again.calculation.amount, again.calculation.requiresSupervisorApproval);
        else whatIf.refused++;
        if (!again.ok || again.calculation.amount !== d.amount || again.calculation.requiresSupervisorApproval !== d.requiresSupervisorApproval) {
          changed.push({
            compensationId: d.compensationId,
            orderId: d.orderId,
            kind: d.kind,
            recorded: { amount: d.amount, rulebookVersion: d.rule.rulebookVersion, requiresSupervisorApproval: d.requiresSupervisorApproval },
            whatIf: outcome,
          });
        }
      }
      const kinds = new Set([...Object.keys(recorded.byKind), ...Object.keys(whatIf.byKind)]) as Set<CompensationKind>;
      const byKind = Object.fromEntries([...kinds].map((k) => [k, (whatIf.byKind[k]?.amount ?? 0) - (recorded.byKind[k]?.amount ?? 0)]));
      return {
        rulebookVersion: version,
        from: period.from,
        to: period.to,
        decisions: log.decisions.length,
        recorded,
        whatIf,
        delta: { amount: whatIf.amount - recorded.amount, requiringApproval: whatIf.requiringApproval - recorded.requiringApproval, byKind },
        changed: changed.slice(0, MAX_CHANGES_LISTED),
        changedCount: changed.length,
        ms: Math.round(performance.now() - started),
      };
    },
  };
}
