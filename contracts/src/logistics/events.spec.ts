import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { logisticsEvents } from './events';

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (v) => isoDateTime.test(v) && !Number.isNaN(Date.parse(v)));

const definition = (type: string) => {
  const found = logisticsEvents.find((d) => d.type === type);
  if (!found) throw new Error(`no event ${type}`);
  return found;
};

describe('logistics event contracts', () => {
  it.each(logisticsEvents.map((d) => [d.type, d] as const))('%s: the example matches its schema', (_type, def) => {
    const errors = [...Value.Errors(def.schema, def.example)].map((e) => `${e.path}: ${e.message}`);
    expect(errors).toEqual([]);
  });

  it('every event is version 1 of the logistics service, carries orderId and shipmentId, and forbids unknown fields', () => {
    for (const def of logisticsEvents) {
      expect(def).toMatchObject({ service: 'logistics', version: 1, topic: 'aftersales.logistics.events.v1' });
      expect(def.schema.required).toEqual(expect.arrayContaining(['orderId', 'shipmentId']));
      expect(def.schema.additionalProperties).toBe(false);
      expect(def.description.length).toBeGreaterThan(20);
    }
  });

  it('names the milestones the order and refund services react to', () => {
    const types = logisticsEvents.map((d) => d.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'ShipmentDispatched',
        'ShipmentDelivered',
        'ShipmentReturned',
        'ReturnShipmentDispatched',
        'ReturnShipmentDelivered',
      ]),
    );
    expect(new Set(types).size).toBe(types.length);
  });

  it('return milestones require the refund id; outbound milestones have no direction to filter on', () => {
    expect(definition('ReturnShipmentDelivered').schema.required).toContain('refundId');
    expect(definition('ReturnShipmentDispatched').schema.required).toContain('refundId');
    expect(definition('ShipmentDispatched').schema.properties).not.toHaveProperty('direction');
  });

  it('a carrier event outside the AfterShip taxonomy and an unknown field are refused', () => {
    const recorded = definition('CarrierEventRecorded');
    expect(Value.Check(recorded.schema, { ...recorded.example, status: 'lost_in_space' })).toBe(false);
    expect(Value.Check(recorded.schema, { ...recorded.example, extra: 1 })).toBe(false);
    expect(Value.Check(recorded.schema, { ...recorded.example, status: 'available_for_pickup' })).toBe(true);
  });
});
