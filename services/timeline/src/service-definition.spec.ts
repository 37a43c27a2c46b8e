import type { ServiceContext } from '@aftersales/nest';
import { inMemoryTestPlatform } from '@aftersales/kernel/testing';
import { timelineServiceDefinition } from './service-definition';

const contextOn = (bus: ServiceContext['bus']): ServiceContext => {
  const { platform, clock } = inMemoryTestPlatform();
  return { platform, clock, bus, dataDir: 'unused', local: new Map() };
};

describe('the timeline service definition', () => {
  it('is routed by the timeline and work-queue resources', () => {
    expect(timelineServiceDefinition).toMatchObject({ name: 'timeline', resources: ['timeline', 'work-queue'] });
  });

  it('given the embedded bus, when built, then the timeline and the work queue are projections over the shared log and nothing consumes the bus', () => {
    const built = timelineServiceDefinition.build(contextOn('embedded'));

    expect(built.runtimes.flatMap((runtime) => runtime.projections.map((projection) => projection.name))).toEqual(['timelines', 'work-queue']);
    expect(built.runtimes.flatMap((runtime) => runtime.busFedViews ?? [])).toEqual([]);
    expect(built.sideConsumers).toEqual([]);
    expect(built.modules).toHaveLength(2);
  });

  it('given Kafka, when built, then the timeline and the work queue are views fed by consumer groups timeline and work-queue, with no log projection', () => {
    const built = timelineServiceDefinition.build(contextOn('kafka'));

    expect(built.runtimes.flatMap((runtime) => runtime.projections)).toEqual([]);
    expect(built.runtimes.flatMap((runtime) => runtime.busFedViews ?? [])).toEqual([
      { name: 'timelines', projection: 'timelines', collections: ['timelines', 'timeline_order_parties'], group: 'timeline' },
      { name: 'work-queue', projection: 'work-queue', collections: ['work_queue', 'work_queue_subjects', 'work_queue_sla_breaches'], group: 'work-queue' },
    ]);
    expect(built.sideConsumers.map((consumer) => (consumer as unknown as { group: string }).group)).toEqual(['timeline', 'work-queue']);
    expect(built.modules).toHaveLength(2);
  });
});
