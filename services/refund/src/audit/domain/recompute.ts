import type { CompensationDecided, CompensationKind, Rulebook } from '@aftersales/contracts';
import type { RecordedEvent } from '@aftersales/kernel';
import { DomainError } from '@aftersales/kernel';
import { sameJson } from './same-json';
import { calculateCompensation, claimOf, foldOrderFacts, type CompensationCalculation, type OrderFacts } from '../../compensation/domain';

export type DecisionEvent = RecordedEvent<string, CompensationDecided>;

/** One way a recorded decision differs from what its rule gives when computed again. */
export interface Mismatch {
  compensationId: string;
  orderId: string;
  eventId: string;
  rule: { id: string; version: string };
  field: string;
  recorded: unknown;
  recomputed: unknown;
  detail: string;
}

/** An order event a decision may be computed from, as the compensation service keeps it. */
export interface SourceEvent {
  eventId: string;
  type: string;
  orderId: string;
  /** Revision in the order's stream. */
  revision: number;
  occurredAt: string;
  data: unknown;
}

/** Looks up the events a decision names (by id) and a rulebook by version. */
export interface AuditSources {
  event(eventId: string): SourceEvent | undefined;
  rulebook(version: string): Rulebook | undefined;
}

export type Recomputation = { ok: true; calculation: CompensationCalculation } | { ok: false; field: string; detail: string; recomputed?: unknown };

/** The decision computed again from the events it names, with `rulebook` (its own version, or another for what-if). */
export function recompute(decision: DecisionEvent, rulebook: Rulebook | undefined, sources: AuditSources): Recomputation {
  const d = decision.data;
  if (!rulebook) return { ok: false, field: 'rule.rulebookVersion', detail: `rulebook version ${d.rule.rulebookVersion} is not published` };
  const claim = claimOf(d);
  if (!claim) return { ok: false, field: 'kind', detail: `no rule of the rulebook computes a ${d.kind} compensation` };
  const events: SourceEvent[] = [];
  for (const id of d.basedOn) {
    const source = sources.event(id);
    if (!source) return { ok: false, field: 'basedOn', detail: `source event ${id} is not an order fact the service received`, recomputed: null };
    if (source.orderId !== d.orderId) return { ok: false, field: 'basedOn', detail: `source event ${id} belongs to another order` };
    // the order's events are in another service's log (in production), so business time orders them against the decision
    if (Date.parse(source.occurredAt) > Date.parse(d.decidedAt)) return { ok: false, field: 'basedOn', detail: `source event ${id} occurred after the decision` };
    events.push(source);
  }
  const facts = events.sort((a, b) => a.revision - b.revision).reduce<OrderFacts>((f, e) => foldOrderFacts(f, e), { orderId: d.orderId });
  try {
    return { ok: true, calculation: calculateCompensation(claim, facts, rulebook, d.decidedAt) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, field: 'rule', detail: `the rule refuses it when computed again: ${error.message}`, recomputed: error.code };
  }
}

const compared: (keyof CompensationCalculation)[] = [
  'kind',
  'rule',
  'amount',
  'currency',
  'shopId',
  'buyerId',
  'basedOn',
  'inputs',
  'explanation',
  'requiresSupervisorApproval',
  'approvalThreshold',
];

/** Every difference between a recorded decision and its recomputation with the rulebook version it recorded. */
export function verifyDecision(decision: DecisionEvent, sources: AuditSources): Mismatch[] {
  const d = decision.data;
  const base = { compensationId: d.compensationId, orderId: d.orderId, eventId: decision.eventId, rule: { id: d.rule.ruleId, version: d.rule.rulebookVersion } };
  const again = recompute(decision, sources.rulebook(d.rule.rulebookVersion), sources);
  if (!again.ok) return [{ ...base, field: again.field, recorded: fieldOf(d, again.field), recomputed: again.recomputed ?? null, detail: again.detail }];
  return compared
    .filter((field) => !sameJson(d[field], again.calculation[field]))
    .map((field) => ({ ...base, field, recorded: d[field], recomputed: again.calculation[field], detail: `${field} differs from the recomputation` }));
}

const fieldOf = (d: CompensationDecided, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], d);

/** Totals of a set of decisions, per kind. */
export interface Totals {
  count: number;
  amount: number;
  requiringApproval: number;
  byKind: Partial<Record<CompensationKind, { count: number; amount: number }>>;
}

export const emptyTotals = (): Totals => ({ count: 0, amount: 0, requiringApproval: 0, byKind: {} });

export function addTo(totals: Totals, kind: CompensationKind, amount: number, requiresApproval: boolean): void {
  totals.count++;
  totals.amount += amount;
  if (requiresApproval) totals.requiringApproval++;
  const ofKind = (totals.byKind[kind] ??= { count: 0, amount: 0 });
  ofKind.count++;
  ofKind.amount += amount;
}
