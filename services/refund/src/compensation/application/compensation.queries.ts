import { COMPENSATIONS_COLLECTION, type CompensationView } from '../projections/compensation.document';
import { publicCompensation, type StoredCompensation } from '../projections/compensations.projection';
import type { CompensationHandlers } from './compensation-handlers';
import type { CompensationService } from './compensation.types';

/** Reads of the `compensations` read model, without the folded state it keeps. */
export function compensationQueries(h: CompensationHandlers): Pick<CompensationService, 'getCompensation' | 'listForOrder'> {
  const { readModels } = h.platform;
  return {
    getCompensation: async (id) => publicCompensation(await readModels.get<StoredCompensation>(COMPENSATIONS_COLLECTION, id)),
    async listForOrder(orderId) {
      const all: (CompensationView & { revision: number })[] = [];
      let cursor: string | undefined;
      do {
        const page = await readModels.find<StoredCompensation>(COMPENSATIONS_COLLECTION, { where: { orderId }, limit: 100, cursor });
        all.push(...page.items.map((doc) => publicCompensation(doc)!));
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
  };
}
