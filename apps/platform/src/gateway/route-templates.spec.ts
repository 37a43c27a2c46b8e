import { RouteTemplates, templatePattern } from './route-templates';

describe('route templates', () => {
  const templates = new RouteTemplates(['/orders', '/orders/{orderId}', '/orders/{orderId}/notes', '/orders/summary', '/shipments/{shipmentId}/dispatch']);

  it('given a concrete path, then the template it matches, with its parameters left as names', () => {
    expect(templates.match('/orders/ord-42/notes')).toBe('/orders/{orderId}/notes');
    expect(templates.match('/shipments/shp-1/dispatch')).toBe('/shipments/{shipmentId}/dispatch');
    expect(templates.match('/orders')).toBe('/orders');
  });

  it('given a literal segment where a parameter could also stand, then the literal template wins', () => {
    expect(templates.match('/orders/summary')).toBe('/orders/summary');
    expect(templates.match('/orders/ord-1')).toBe('/orders/{orderId}');
  });

  it('given a path no template covers, then none (a parameter is one segment, never more)', () => {
    expect(templates.match('/orders/ord-1/notes/extra')).toBeUndefined();
    expect(templates.match('/nothing')).toBeUndefined();
  });

  it('given a template, then its pattern captures each parameter', () => {
    expect(templatePattern('/admin/projections/{name}/rebuild').exec('/admin/projections/orders/rebuild')?.slice(1)).toEqual(['orders']);
    expect(templatePattern('/openapi.json').test('/openapiXjson')).toBe(false);
  });
});
