import { BufferedUnitOfWork, InMemoryReadModelStore, type RecordedEvent } from '@aftersales/kernel';
import { workQueueQueries, type WorkQueueQuery } from '../application/work-queue.queries';
import { at, caseOpened, deadlineSet, remedyAnswered, remedyProposed, statusChanged, stored } from '../testing/work-queue-events';
import { workQueueProjection } from './work-queue.projection';

async function queueAfter(events: RecordedEvent[], store = new InMemoryReadModelStore()) {
  for (const event of events) {
    const uow = new BufferedUnitOfWork(store);
    if (workQueueProjection.handles(event.type)) await workQueueProjection.apply(event, uow);
    await store.commit(uow.toBatch(workQueueProjection.name, event.position));
  }
  const queries = workQueueQueries(store);
  return { store, read: async (query: WorkQueueQuery = {}) => (await queries.page(query)).items };
}

describe('work queue: remedies waiting for a supervisor', () => {
  const openCase = [caseOpened('dsp-1', 'shop-1'), deadlineSet('dsp-1', 'resolution', at(9))];

  it('given a remedy above the threshold, then it waits for approval from its proposal on, beside its case', async () => {
    const { read } = await queueAfter([...openCase, remedyProposed('dsp-1', 'rem-1', true, at(4))]);

    expect(await read({ kind: 'remedy_approval' })).toEqual([
      { kind: 'remedy_approval', id: 'rem-1', disputeId: 'dsp-1', orderId: 'ord-dsp-1', shopId: 'shop-1', status: 'awaiting_approval', dueAt: at(4), overdue: false },
    ]);
    expect((await read()).map((item) => item.kind)).toEqual(['remedy_approval', 'dispute']);
  });

  it('given a remedy within the threshold, then nothing waits for a supervisor', async () => {
    const { read } = await queueAfter([...openCase, remedyProposed('dsp-1', 'rem-1', false)]);

    expect(await read({ kind: 'remedy_approval' })).toEqual([]);
  });

  it.each(['DisputeRemedyApproved', 'DisputeRemedyRejected'] as const)('given the supervisor’s answer (%s), then the remedy leaves the queue', async (answer) => {
    const { read } = await queueAfter([...openCase, remedyProposed('dsp-1', 'rem-1', true), remedyProposed('dsp-1', 'rem-2', true), remedyAnswered('dsp-1', 'rem-1', answer)]);

    expect((await read({ kind: 'remedy_approval' })).map((item) => item.id)).toEqual(['rem-2']);
  });

  it('given the case resolved, then its waiting remedies leave with it', async () => {
    const resolved = stored('DisputeResolved', { disputeId: 'dsp-1', orderId: 'ord-dsp-1' });

    const { read } = await queueAfter([...openCase, remedyProposed('dsp-1', 'rem-1', true), statusChanged('dsp-1', 'in_progress', 'remedy_proposed'), resolved]);

    expect(await read()).toEqual([]);
  });
});
