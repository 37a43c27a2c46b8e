import { invalid, type ReadModelStore } from '@aftersales/kernel';
import { breachesPerDay, daysBetween, nextDay, type SlaBreachDay } from '../domain/sla-breach-days';
import { SLA_BREACHES_COLLECTION, type SlaBreachDocument } from '../projections/work-queue.document';

/** The longest period one answer covers. */
export const MAX_SLA_BREACH_DAYS = 366;
const PAGE = 500;

/** GET /work-queue/sla-breaches after the caller's scope was applied: `shopIds` undefined means every shop. */
export interface SlaBreachesQuery {
  shopIds?: readonly string[];
  /** First and last day (YYYY-MM-DD, UTC), both included. */
  from: string;
  to: string;
}

export interface SlaBreachesPerDay {
  from: string;
  to: string;
  /** Every metric that occurs in the period, sorted. */
  metrics: string[];
  days: SlaBreachDay[];
}

/** Breaches per day and metric, from the breach documents of the period (an id range: ids start with the breach time). */
export function slaBreachesQueries(readModels: ReadModelStore) {
  const breachesOf = async (shopId: string | undefined, from: string, to: string): Promise<SlaBreachDocument[]> => {
    const found: SlaBreachDocument[] = [];
    let cursor: string | undefined;
    do {
      const page = await readModels.find<SlaBreachDocument>(SLA_BREACHES_COLLECTION, {
        ...(shopId === undefined ? {} : { where: { shopId } }),
        range: { field: 'id', from, before: nextDay(to) },
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      found.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  };
  return {
    async perDay({ shopIds, from, to }: SlaBreachesQuery): Promise<SlaBreachesPerDay> {
      if (to < from) throw invalid('the period ends before it starts', [{ field: 'to', message: 'must not be before from' }]);
      if (daysBetween(from, to).length > MAX_SLA_BREACH_DAYS) {
        throw invalid(`a period of at most ${MAX_SLA_BREACH_DAYS} days`, [{ field: 'to', message: `at most ${MAX_SLA_BREACH_DAYS} days after from` }]);
      }
      const scopes = shopIds === undefined ? [undefined] : [...new Set(shopIds)];
      const breaches = (await Promise.all(scopes.map((shopId) => breachesOf(shopId, from, to)))).flat();
      return { from, to, metrics: [...new Set(breaches.map((breach) => breach.metric))].sort(), days: breachesPerDay(breaches, from, to) };
    },
  };
}
export type SlaBreachesQueries = ReturnType<typeof slaBreachesQueries>;
