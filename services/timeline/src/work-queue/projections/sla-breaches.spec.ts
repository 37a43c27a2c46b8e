import { BufferedUnitOfWork, InMemoryReadModelStore, type RecordedEvent } from '@aftersales/kernel';
import { workQueueQueries } from '../application/work-queue.queries';
import { at, caseOpened, followUpEvent, followUpOpened, slaBreached } from '../testing/work-queue-events';
import { workQueueProjection } from './work-queue.projection';
import { SLA_BREACHES_COLLECTION } from './work-queue.document';

async function project(events: RecordedEvent[], store = new InMemoryReadModelStore(), resetCollections?: string[]) {
  const uow = new BufferedUnitOfWork(store, resetCollections ? { resetCollections } : undefined);
  for (const event of events) if (workQueueProjection.handles(event.type)) await workQueueProjection.apply(event, uow);
  await store.commit(uow.toBatch(workQueueProjection.name, events.at(-1)?.position ?? 0));
  return store;
}

const history = () => [
  caseOpened('dsp-1', 'shop-1'),
  slaBreached('dsp-1', 'first_response', at(3, 10)),
  slaBreached('dsp-1', 'resolution', at(5, 23)),
  caseOpened('dsp-2', 'shop-2'),
  slaBreached('dsp-2', 'first_response', at(3, 1), undefined, 'shop-2'),
  followUpOpened('rfu_1', 'shop-1', at(3), at(5)),
  followUpEvent('ReviewFollowUpSlaBreached', 'rfu_1', { metric: 'resolution', dueAt: at(5), breachedAt: at(5, 0) }),
];

describe('SLA breaches per day', () => {
  it('given breaches of cases and follow-ups, then each day of the period counts them per metric, quiet days with zero', async () => {
    const queries = workQueueQueries(await project(history()));

    const answer = await queries.slaBreaches({ from: '2026-11-02', to: '2026-11-05' });

    expect(answer).toEqual({
      from: '2026-11-02',
      to: '2026-11-05',
      metrics: ['dispute.first_response', 'dispute.resolution', 'review_follow_up.resolution'],
      days: [
        { day: '2026-11-02', total: 0, byMetric: {} },
        { day: '2026-11-03', total: 2, byMetric: { 'dispute.first_response': 2 } },
        { day: '2026-11-04', total: 0, byMetric: {} },
        { day: '2026-11-05', total: 2, byMetric: { 'dispute.resolution': 1, 'review_follow_up.resolution': 1 } },
      ],
    });
  });

  it('given a scope of shops and a shorter period, then only their breaches in it count', async () => {
    const queries = workQueueQueries(await project(history()));

    const answer = await queries.slaBreaches({ shopIds: ['shop-2'], from: '2026-11-03', to: '2026-11-03' });

    expect(answer.days).toEqual([{ day: '2026-11-03', total: 1, byMetric: { 'dispute.first_response': 1 } }]);
    expect((await queries.slaBreaches({ shopIds: [], from: '2026-11-03', to: '2026-11-05' })).metrics).toEqual([]);
  });

  it('given a period that ends before it starts or is longer than a year, then it is refused naming the field', async () => {
    const queries = workQueueQueries(new InMemoryReadModelStore());

    await expect(queries.slaBreaches({ from: '2026-11-05', to: '2026-11-03' })).rejects.toMatchObject({ kind: 'invalid', details: { fields: [expect.objectContaining({ field: 'to' })] } });
    await expect(queries.slaBreaches({ from: '2025-01-01', to: '2026-11-03' })).rejects.toMatchObject({ kind: 'invalid', details: { fields: [expect.objectContaining({ field: 'to' })] } });
  });

  it('given the same history replayed by a rebuild, then each breach is there once', async () => {
    const store = await project(history());

    await project(history(), store, workQueueProjection.collections);
    await project(history(), store);

    expect((await store.find(SLA_BREACHES_COLLECTION, { limit: 100 })).items).toHaveLength(4);
  });
});
