import { catalogue } from './catalogue';
import { ERASED, PROTECTED_FIELDS, erasedValueOf, schemaAtPath } from './protected-fields';

describe('protected fields', () => {
  it.each(Object.entries(PROTECTED_FIELDS))('given %s, then every sealed path names a field of its latest schema', (type, paths) => {
    const schema = catalogue.definition(type, catalogue.latestVersion(type)).schema;

    expect(paths.filter((path) => schemaAtPath(schema, path) === undefined)).toEqual([]);
  });

  it('given the buyer address and buyer text fields, then they are sealed', () => {
    expect(PROTECTED_FIELDS.OrderPlaced).toContain('address');
    expect(PROTECTED_FIELDS.ShippingAddressChanged).toEqual(expect.arrayContaining(['address', 'previousAddress']));
    expect(PROTECTED_FIELDS.RefundRequested).toEqual(expect.arrayContaining(['description', 'evidence[].description']));
  });

  it('given the shipping address schema, when erased, then every field of the address reads [erased]', () => {
    const schema = catalogue.definition('OrderPlaced', 1).schema;

    expect(erasedValueOf(schemaAtPath(schema, 'address'))).toEqual({
      name: ERASED,
      phone: ERASED,
      province: ERASED,
      city: ERASED,
      district: ERASED,
      street: ERASED,
      postalCode: ERASED,
    });
    expect(erasedValueOf(schemaAtPath(catalogue.definition('RefundRequested', 1).schema, 'evidence[].description'))).toBe(ERASED);
    expect(erasedValueOf(schemaAtPath(catalogue.definition('OrderPlaced', 2).schema, 'address'))).toEqual(
      erasedValueOf(schemaAtPath(schema, 'address')),
    );
    expect(erasedValueOf(schemaAtPath(catalogue.definition('RefundRequested', 2).schema, 'evidence[].description'))).toBe(ERASED);
  });
});
