import type { ServiceContext } from '@aftersales/nest';
import { inMemoryTestPlatform } from '@aftersales/kernel/testing';
import { timelineServiceDefinition } from './service-definition';

const contextOn = (bus: ServiceContext['bus']): ServiceContext => {
  const { platform, clock } = inMemoryTestPlatform();
  return { platform, clock, bus, dataDir: 'unused', local: new Map() };
};

describe('the timeline service definition', () => {
  it('is routed by the timeline resource', () => {
    expect(timelineServiceDefinition).toMatchObject({ name: 'timeline', resources: ['timeline'] });
  });

  it('given the embedded bus, when built, then the timeline is a projection over the shared log and nothing consumes the bus', () => {
    const built = timelineServiceDefinition.build(contextOn('embedded'));

    expect(built.runtimes.flatMap((runtime) => runtime.projections.map((projection) => projection.name))).toEqual(['timelines']);
    expect(built.runtimes.flatMap((runtime) => runtime.busFedViews ?? [])).toEqual([]);
    expect(built.sideConsumers).toEqual([]);
    expect(built.modules).toHaveLength(1);
  });

  it('given Kafka, when built, then the timeline is a view fed by consumer group timeline, with no log projection', () => {
    const built = timelineServiceDefinition.build(contextOn('kafka'));

    expect(built.runtimes.flatMap((runtime) => runtime.projections)).toEqual([]);
    expect(built.runtimes.flatMap((runtime) => runtime.busFedViews ?? [])).toEqual([
      { name: 'timelines', projection: 'timelines', collections: ['timelines', 'timeline_order_parties'], group: 'timeline' },
    ]);
    expect(built.sideConsumers).toHaveLength(1);
    expect(built.modules).toHaveLength(1);
  });
});
