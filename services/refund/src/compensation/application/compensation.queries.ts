import { compensationStreamId } from '../domain/ids';
import { ORDER_FACTS_COLLECTION, type OrderFactsDoc } from '../projections/order-facts.projection';
import { COMPENSATIONS_COLLECTION, type CompensationView } from '../projections/compensation.document';
import { publicCompensation, type StoredCompensation } from '../projections/compensations.projection';
import type { CompensationHandlers } from './compensation-handlers';
import type { CompensationService } from './compensation.types';

/** Reads of the `compensations` read model, without the folded state it keeps. */
export function compensationQueries(
  h: CompensationHandlers,
): Pick<CompensationService, 'getCompensation' | 'listCompensations' | 'listForOrder' | 'orderParties' | 'compensationParties'> {
  const { readModels, eventStore } = h.platform;
  return {
    orderParties: async (orderId) => {
      const facts = await readModels.get<OrderFactsDoc>(ORDER_FACTS_COLLECTION, orderId);
      return facts ? { buyerId: facts.buyerId, shopId: facts.shopId } : undefined;
    },
    // From the stream, not the read model: a command right after the proposal must be checked against it too.
    compensationParties: async (compensationId) => {
      const [first] = await eventStore.readStream(compensationStreamId(compensationId));
      if (!first) return undefined;
      const data = first.data as { buyerId?: string; shopId?: string };
      return { buyerId: data.buyerId, shopId: data.shopId };
    },
    getCompensation: async (id) => publicCompensation(await readModels.get<StoredCompensation>(COMPENSATIONS_COLLECTION, id)),
    async listCompensations({ limit, cursor, ...filters }) {
      const where = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string>;
      const page = await readModels.find<StoredCompensation>(COMPENSATIONS_COLLECTION, { where, limit, cursor });
      return { items: page.items.map((doc) => publicCompensation(doc)!), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },
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
