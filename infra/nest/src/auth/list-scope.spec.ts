import type { ProblemException } from '../http/problem';
import { inScope, listScope } from './list-scope';

const buyer = { id: 'buyer-1', role: 'buyer' as const, shopIds: [] };
const agent = { id: 'agent-1', role: 'agent' as const, shopIds: ['shop-1', 'shop-2'] };
const finance = { id: 'fin-1', role: 'finance' as const, shopIds: [] };

describe('listScope: what a list shows the caller', () => {
  it('given a buyer asking for another buyer, then the list is still theirs', () => {
    expect(listScope(buyer, { buyerId: 'buyer-2' }, 'x.list')).toEqual({ buyerId: 'buyer-1' });
  });

  it('given shop staff without a shop, then their shops; with one of theirs, that one', () => {
    expect(listScope(agent, {}, 'x.list')).toEqual({ shopIds: ['shop-1', 'shop-2'] });
    expect(listScope(agent, { shopId: 'shop-2' }, 'x.list')).toEqual({ shopIds: ['shop-2'] });
  });

  it('given shop staff asking for a shop not theirs, then 403 naming the rule', () => {
    let refusal: ProblemException | undefined;
    try {
      listScope(agent, { shopId: 'shop-9' }, 'x.list_own_shops');
    } catch (error) {
      refusal = error as ProblemException;
    }
    expect(refusal?.getStatus()).toBe(403);
    expect(refusal?.getResponse()).toMatchObject({ rule: 'x.list_own_shops' });
  });

  it('given finance, then every shop, narrowed only as asked', () => {
    expect(listScope(finance, {}, 'x.list')).toEqual({});
    expect(inScope(listScope(finance, {}, 'x.list'), { shopId: 'shop-7', buyerId: 'b' })).toBe(true);
    expect(inScope(listScope(agent, {}, 'x.list'), { shopId: 'shop-7' })).toBe(false);
  });
});
