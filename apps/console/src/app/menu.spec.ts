import type { Identity } from '../auth/session';
import { homeOf, menuFor, selectedKeyOf } from './menu';

const as = (role: Identity['role'], shopIds: string[] = []): Identity => ({ id: `${role}-1`, role, shopIds });

describe('menuFor', () => {
  it('given an agent of two shops, when the menu is built, then it has the queue and both shop pages', () => {
    expect(menuFor(as('agent', ['shop-1', 'shop-2'])).map((entry) => entry.path)).toEqual(['/', '/shops/shop-1', '/shops/shop-2']);
  });

  it('given a supervisor, when the menu is built, then it has the queue and the supervisor view', () => {
    expect(menuFor(as('supervisor', ['shop-1'])).map((entry) => entry.key)).toEqual(['queue', 'supervisor', 'shop:shop-1']);
  });

  it('given the platform, when the menu is built, then its own view comes first, then the queue of all shops', () => {
    expect(menuFor(as('platform')).map((entry) => entry.key)).toEqual(['platform', 'queue']);
    expect(homeOf(as('platform'))).toBe('/platform');
  });

  it('given finance, when the menu is built, then it has the finance view only', () => {
    expect(menuFor(as('finance')).map((entry) => entry.key)).toEqual(['finance']);
  });

  it('given a buyer, when the menu is built, then it is empty and home is the queue', () => {
    expect(menuFor(as('buyer'))).toEqual([]);
    expect(homeOf(as('buyer'))).toBe('/');
  });
});

describe('selectedKeyOf', () => {
  const entries = menuFor(as('supervisor', ['shop-1']));
  it('given a location, when the menu highlights, then the longest matching entry is selected', () => {
    expect(selectedKeyOf(entries, '/')).toBe('queue');
    expect(selectedKeyOf(entries, '/supervisor')).toBe('supervisor');
    expect(selectedKeyOf(entries, '/shops/shop-1')).toBe('shop:shop-1');
    expect(selectedKeyOf(entries, '/orders/o-1')).toBeUndefined();
  });
});
