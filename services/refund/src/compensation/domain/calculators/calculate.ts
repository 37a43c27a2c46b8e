import type { CompensationDecided, Rulebook } from '@aftersales/contracts';
import type { OrderFacts } from '../order-facts';
import type { CompensationCalculation, CompensationClaim } from './calculation';
import { counterfeit } from './counterfeit';
import { claimedItemsOf } from './goods-lines';
import { goodwill } from './goodwill';
import { lateShipment } from './late-shipment';
import { notAsDescribed } from './not-as-described';
import { outOfStock } from './out-of-stock';

/** Computes a compensation from order facts with one rulebook version, at `at`. Pure: the audit calls it again. */
export function calculateCompensation(claim: CompensationClaim, facts: OrderFacts, rulebook: Rulebook, at: string): CompensationCalculation {
  switch (claim.kind) {
    case 'late_shipment':
      return lateShipment(facts, rulebook);
    case 'counterfeit':
      return counterfeit(facts, claim.items, rulebook);
    case 'not_as_described':
      return notAsDescribed(facts, claim.items, rulebook, at);
    case 'out_of_stock':
      return outOfStock(facts, claim.items, rulebook);
    case 'goodwill':
      return goodwill(facts, claim.proposedAmount, rulebook);
  }
}

/** The claim a recorded decision answered, read back from its kind and inputs; undefined for kinds no rule computes. */
export function claimOf(decision: Pick<CompensationDecided, 'kind' | 'inputs'>): CompensationClaim | undefined {
  switch (decision.kind) {
    case 'late_shipment':
      return { kind: 'late_shipment' };
    case 'counterfeit':
    case 'not_as_described':
    case 'out_of_stock':
      return { kind: decision.kind, items: claimedItemsOf(decision.inputs) };
    case 'goodwill':
      return { kind: 'goodwill', proposedAmount: decision.inputs.find((i) => i.name === 'proposedAmount')?.value ?? Number.NaN };
    default:
      return undefined;
  }
}
