import { documentFilter, filterFieldsOf, indexFor } from './document-query';

describe('filterFieldsOf', () => {
  it('given a document, then its top-level scalars are kept as they are and objects and arrays become {}', () => {
    const fields = filterFieldsOf({ id: 'o-1', status: 'paid', total: 500, express: false, note: null, lines: [{ sku: 'a' }], address: { city: 'x' } });

    expect(fields).toEqual({ status: 'paid', total: 500, express: false, note: null, lines: {}, address: {} });
  });

  it('given a field whose name is not an identifier, then it is not kept (no query can name it)', () => {
    expect(filterFieldsOf({ id: 'o-1', 'a.b': 1, $x: 2, ok: 3 })).toEqual({ ok: 3 });
  });
});

describe('documentFilter', () => {
  it('given equality filters, a range on a field and a cursor, then one MongoDB filter on the kept fields and _id', () => {
    const filter = documentFilter({ where: { shopId: 's-1', note: null }, range: { field: 'paidAt', from: '2026-11-01', before: '2026-11-02' } }, 'je_1');

    expect(filter).toEqual({
      'f.note': null,
      'f.shopId': 's-1',
      'f.paidAt': { $type: 'string', $gte: '2026-11-01', $lt: '2026-11-02' },
      _id: { $gt: 'je_1' },
    });
  });

  it('given a range on the id and a cursor, then both bound _id', () => {
    expect(documentFilter({ range: { field: 'id', from: 'a', before: 'b' } }, 'a-5')).toEqual({ _id: { $gte: 'a', $lt: 'b', $gt: 'a-5' } });
  });

  it.each([
    ['a filter', { where: { "x') OR 1=1 --": 'a' } }],
    ['a range', { range: { field: '$where', from: 'a' } }],
  ])('given %s on a field name that is not an identifier, then it is refused as invalid input', (_case, query) => {
    expect(() => documentFilter(query, undefined)).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });
});

describe('indexFor', () => {
  it('given equality fields and a range field, then an index on them in that order, then _id', () => {
    expect(indexFor({ where: { status: 'paid', buyerId: 'b-1' }, range: { field: 'paidAt' } })).toEqual({ 'f.buyerId': 1, 'f.status': 1, 'f.paidAt': 1, _id: 1 });
  });

  it('given no filter or only a range on the id, then no index beyond _id', () => {
    expect(indexFor({})).toBeUndefined();
    expect(indexFor({ range: { field: 'id', from: 'a' } })).toBeUndefined();
  });
});
