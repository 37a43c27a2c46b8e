import { BufferedUnitOfWork, InMemoryReadModelStore, type RecordedEvent } from '@aftersales/kernel';
import { workQueueQueries, type WorkQueueQuery } from '../application/work-queue.queries';
import { at, followUpEvent, followUpOpened, refundRequested } from '../testing/work-queue-events';
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

describe('work queue: bad-review follow-ups', () => {
  it('given a follow-up opened, then it waits on the shop until its first-contact deadline, among the other items by due time', async () => {
    const { read } = await queueAfter([refundRequested('rf-1', 'shop-1', at(4)), followUpOpened('rfu_1', 'shop-1', at(3), at(5))]);

    expect(await read()).toEqual([
      { kind: 'review_follow_up', id: 'rfu_1', orderId: 'ord-rfu_1', shopId: 'shop-1', status: 'open', dueAt: at(3), overdue: false },
      expect.objectContaining({ kind: 'refund', id: 'rf-1' }),
    ]);
  });

  it('given the first contact breached, then it is overdue until the buyer is contacted; then it is due at the resolution deadline', async () => {
    const { store, read } = await queueAfter([followUpOpened('rfu_1', 'shop-1', at(3), at(5)), followUpEvent('ReviewFollowUpSlaBreached', 'rfu_1', { metric: 'first_contact', dueAt: at(3) })]);
    const late = await read({ overdue: true });
    await queueAfter([followUpEvent('ReviewFollowUpBuyerContacted', 'rfu_1', { contactedAt: at(4) })], store);

    expect(late.map((i) => [i.kind, i.id, i.dueAt])).toEqual([['review_follow_up', 'rfu_1', at(3)]]);
    expect(await read({ overdue: true })).toEqual([]);
    expect((await read()).map((i) => [i.status, i.dueAt, i.overdue])).toEqual([['contacted', at(5), false]]);
  });

  it('given the resolution breached, then it is overdue; once closed it is off the queue', async () => {
    const { store, read } = await queueAfter([
      followUpOpened('rfu_1', 'shop-1', at(3), at(5)),
      followUpEvent('ReviewFollowUpBuyerContacted', 'rfu_1', { contactedAt: at(2, 10) }),
      followUpEvent('ReviewFollowUpSlaBreached', 'rfu_1', { metric: 'resolution', dueAt: at(5) }),
    ]);
    const late = await read({ overdue: true });
    await queueAfter([followUpEvent('ReviewFollowUpClosed', 'rfu_1', { outcome: 'revised' })], store);

    expect(late.map((i) => i.id)).toEqual(['rfu_1']);
    expect(await read()).toEqual([]);
  });

  it('given the shop’s partial refund was refused by the refund service, then the follow-up shows remedy_refused until the shop offers another', async () => {
    const { store, read } = await queueAfter([
      followUpOpened('rfu_1', 'shop-1', at(3), at(5)),
      followUpEvent('ReviewFollowUpBuyerContacted', 'rfu_1', { contactedAt: at(2, 10) }),
      followUpEvent('ReviewFollowUpRemedyRefused', 'rfu_1', { remedyId: 'rem-1', amount: 1500, refundable: 0 }),
    ]);
    const refused = await read();
    await queueAfter([followUpEvent('ReviewFollowUpRemedyProposed', 'rfu_1', { remedyId: 'rem-2', kind: 'partial_refund', amount: 500 })], store);

    expect(refused.map((i) => [i.id, i.status, i.dueAt])).toEqual([['rfu_1', 'remedy_refused', at(5)]]);
    expect((await read()).map((i) => [i.id, i.status])).toEqual([['rfu_1', 'contacted']]);
  });

  it('given a refusal recorded after the follow-up closed, then it stays off the queue (a closed follow-up takes no remedy)', async () => {
    const { read } = await queueAfter([
      followUpOpened('rfu_1', 'shop-1', at(3), at(5)),
      followUpEvent('ReviewFollowUpClosed', 'rfu_1', { outcome: 'resolved' }),
      followUpEvent('ReviewFollowUpRemedyRefused', 'rfu_1', { remedyId: 'rem-1', amount: 1500, refundable: 0 }),
    ]);

    expect(await read()).toEqual([]);
  });
});
