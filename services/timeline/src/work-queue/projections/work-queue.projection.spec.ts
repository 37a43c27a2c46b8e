import { BufferedUnitOfWork, InMemoryReadModelStore, type RecordedEvent } from '@aftersales/kernel';
import { workQueueQueries, type WorkQueueQuery } from '../application/work-queue.queries';
import {
  assigned,
  at,
  caseOpened,
  compensationDecided,
  deadlineCleared,
  deadlineSet,
  evidenceRequested,
  refundRequested,
  slaBreached,
  statusChanged,
  stored,
} from '../testing/work-queue-events';
import { workQueueProjection } from './work-queue.projection';
import { WORK_QUEUE_COLLECTION, WORK_SUBJECTS_COLLECTION } from './work-queue.document';

/** Projects the events one batch each (as live), returning the queue's reads. */
async function queueAfter(events: RecordedEvent[], store = new InMemoryReadModelStore()) {
  for (const event of events) {
    const uow = new BufferedUnitOfWork(store);
    if (workQueueProjection.handles(event.type)) await workQueueProjection.apply(event, uow);
    await store.commit(uow.toBatch(workQueueProjection.name, event.position));
  }
  const queries = workQueueQueries(store);
  return { store, read: async (query: WorkQueueQuery = {}) => (await queries.page(query)).items };
}

describe('work queue projection', () => {
  describe('refunds waiting for the merchant', () => {
    it('given a refund requested, then it waits for the merchant until the response deadline the refund recorded', async () => {
      const { read } = await queueAfter([refundRequested('rf-1', 'shop-1', at(7))]);

      expect(await read()).toEqual([
        { kind: 'refund', id: 'rf-1', orderId: 'ord-rf-1', shopId: 'shop-1', status: 'waiting_merchant', dueAt: at(7), overdue: false },
      ]);
    });

    it('given a refund approved, then it leaves the queue; its return shipped brings it back until the merchant confirms receipt', async () => {
      const approved = stored('RefundApproved', { refundId: 'rf-1', orderId: 'ord-rf-1', approval: 'merchant' });
      const shipped = stored('RefundReturnShipped', { refundId: 'rf-1', orderId: 'ord-rf-1', merchantConfirmBy: at(20) });
      const received = stored('RefundReturnReceived', { refundId: 'rf-1', orderId: 'ord-rf-1', condition: 'intact' });

      const { store, read } = await queueAfter([refundRequested('rf-1', 'shop-1', at(7)), approved]);
      const afterApproval = await read();
      await queueAfter([shipped], store);
      const afterShipping = await read();
      await queueAfter([received], store);

      expect(afterApproval).toEqual([]);
      expect(afterShipping.map((i) => [i.status, i.dueAt])).toEqual([['waiting_merchant_receipt', at(20)]]);
      expect(await read()).toEqual([]);
    });

    it('given a refund cancelled or escalated, then it is off the queue and nothing of it is remembered', async () => {
      const cancelled = stored('RefundCancelled', { refundId: 'rf-1', orderId: 'ord-rf-1' });

      const { read, store } = await queueAfter([refundRequested('rf-1', 'shop-1', at(7)), cancelled]);

      expect(await read()).toEqual([]);
      expect((await store.find(WORK_SUBJECTS_COLLECTION, {})).items).toEqual([]);
    });
  });

  describe('cases', () => {
    it('given a case with first-response and resolution deadlines, then it is due at the earlier, not overdue, assigned to whom it was', async () => {
      const { read } = await queueAfter([
        caseOpened('dsp-1', 'shop-1'),
        deadlineSet('dsp-1', 'first_response', at(3)),
        deadlineSet('dsp-1', 'resolution', at(5)),
        assigned('dsp-1', 'agent-7'),
      ]);

      expect(await read()).toEqual([
        { kind: 'dispute', id: 'dsp-1', orderId: 'ord-dsp-1', shopId: 'shop-1', status: 'open', dueAt: at(3), overdue: false, assigneeId: 'agent-7' },
      ]);
      expect(await read({ assigneeId: 'agent-9' })).toEqual([]);
    });

    it('given the first response breached, then the case is overdue (the supervisor view) until the response meets it', async () => {
      const breached = [caseOpened('dsp-1', 'shop-1'), deadlineSet('dsp-1', 'first_response', at(3)), deadlineSet('dsp-1', 'resolution', at(5)), slaBreached('dsp-1', 'first_response', at(3))];

      const { store, read } = await queueAfter(breached);
      const late = await read({ overdue: true });
      await queueAfter([deadlineCleared('dsp-1', 'first_response'), statusChanged('dsp-1', 'open', 'in_progress')], store);

      expect(late.map((i) => [i.id, i.dueAt])).toEqual([['dsp-1', at(3)]]);
      expect(await read({ overdue: true })).toEqual([]);
      expect((await read()).map((i) => [i.status, i.dueAt, i.overdue])).toEqual([['in_progress', at(5), false]]);
    });

    it('given a case waiting on the buyer, then no shop deadline runs: it stays listed, undated, after the dated items', async () => {
      const { read } = await queueAfter([
        caseOpened('dsp-1', 'shop-1'),
        deadlineSet('dsp-1', 'resolution', at(5)),
        deadlineCleared('dsp-1', 'resolution', 'paused'),
        deadlineSet('dsp-1', 'awaiting_buyer', at(9)),
        statusChanged('dsp-1', 'in_progress', 'awaiting_buyer'),
        refundRequested('rf-1', 'shop-1', at(20)),
      ]);

      expect((await read()).map((i) => [i.kind, i.status, i.dueAt])).toEqual([
        ['refund', 'waiting_merchant', at(20)],
        ['dispute', 'awaiting_buyer', null],
      ]);
    });

    it('given a case resolved, then it and its evidence requests leave the queue', async () => {
      const { read } = await queueAfter([
        caseOpened('dsp-1', 'shop-1', 'arbitration'),
        evidenceRequested('dsp-1', 'ev-1', 'merchant', at(6)),
        statusChanged('dsp-1', 'arbitration', 'ruled'),
        statusChanged('dsp-1', 'ruled', 'resolved'),
      ]);

      expect(await read()).toEqual([]);
    });
  });

  describe('evidence requests', () => {
    it('given evidence requested from both parties, then only the merchant’s waits on the shop, due at its date, with its case', async () => {
      const { read } = await queueAfter([
        caseOpened('dsp-1', 'shop-1', 'arbitration'),
        evidenceRequested('dsp-1', 'ev-1', 'merchant', at(6)),
        evidenceRequested('dsp-1', 'ev-2', 'buyer', at(6)),
      ]);

      expect(await read({ kind: 'evidence_request' })).toEqual([
        { kind: 'evidence_request', id: 'ev-1', disputeId: 'dsp-1', orderId: 'ord-dsp-1', shopId: 'shop-1', status: 'requested', dueAt: at(6), overdue: false },
      ]);
    });

    it('given the merchant’s request recorded overdue, then it is overdue; another answered leaves the queue', async () => {
      const { read } = await queueAfter([
        caseOpened('dsp-1', 'shop-1', 'arbitration'),
        evidenceRequested('dsp-1', 'ev-1', 'merchant', at(6)),
        evidenceRequested('dsp-1', 'ev-3', 'merchant', at(7)),
        stored('DisputeEvidenceOverdue', { disputeId: 'dsp-1', orderId: 'ord-dsp-1', requestId: 'ev-1', party: 'merchant', dueBy: at(6) }),
        stored('DisputeEvidenceSubmitted', { disputeId: 'dsp-1', orderId: 'ord-dsp-1', requestId: 'ev-3', party: 'merchant', submittedAt: at(5) }),
      ]);

      expect((await read({ kind: 'evidence_request' })).map((i) => [i.id, i.status, i.overdue])).toEqual([['ev-1', 'overdue', true]]);
    });
  });

  describe('compensations', () => {
    it('given a compensation above the approval threshold, then it awaits approval from its decision until approved; one below never shows', async () => {
      const { store, read } = await queueAfter([compensationDecided('cp-1', 'shop-1', true), compensationDecided('cp-2', 'shop-1', false)]);
      const pending = await read();
      await queueAfter([stored('CompensationApproved', { compensationId: 'cp-1', orderId: 'ord-cp-1', approverId: 'sup-1' })], store);

      expect(pending).toEqual([
        { kind: 'compensation', id: 'cp-1', orderId: 'ord-cp-1', shopId: 'shop-1', status: 'awaiting_approval', dueAt: at(3), overdue: false },
      ]);
      expect(await read()).toEqual([]);
    });
  });

  describe('the queue', () => {
    const mixed = () => [
      refundRequested('rf-1', 'shop-1', at(7)),
      caseOpened('dsp-1', 'shop-1'),
      deadlineSet('dsp-1', 'first_response', at(4)),
      compensationDecided('cp-1', 'shop-2', true, at(5)),
      refundRequested('rf-2', 'shop-2', at(6)),
      refundRequested('rf-3', 'shop-3', at(2)),
    ];

    it('given items of several shops, then each is ordered by due time and narrowed to the shops asked for', async () => {
      const { read } = await queueAfter(mixed());

      expect((await read()).map((i) => i.id)).toEqual(['rf-3', 'dsp-1', 'cp-1', 'rf-2', 'rf-1']);
      expect((await read({ shopIds: ['shop-1', 'shop-2'] })).map((i) => i.id)).toEqual(['dsp-1', 'cp-1', 'rf-2', 'rf-1']);
      expect((await read({ shopIds: ['shop-1'], kind: 'refund' })).map((i) => i.id)).toEqual(['rf-1']);
      expect(await read({ shopIds: [] })).toEqual([]);
    });

    it('given more items than a page, then the pages follow each other through nextCursor, every item once, in due order', async () => {
      const { store } = await queueAfter(mixed());
      const queries = workQueueQueries(store);

      const first = await queries.page({ shopIds: ['shop-1', 'shop-2'], limit: 3 });
      const second = await queries.page({ shopIds: ['shop-1', 'shop-2'], limit: 3, cursor: first.nextCursor });

      expect(first.items.map((i) => i.id)).toEqual(['dsp-1', 'cp-1', 'rf-2']);
      expect(second).toEqual({ items: [expect.objectContaining({ id: 'rf-1' })] });
      await expect(queries.page({ cursor: 'bm9wZQ' })).rejects.toThrow(/cursor/);
    });

    it('given the same events rebuilt in one batch, then the documents equal those built one event at a time', async () => {
      const events = [...mixed(), slaBreached('dsp-1', 'first_response', at(4)), assigned('dsp-1', 'agent-7')];
      const live = await queueAfter(events);
      const rebuilt = new InMemoryReadModelStore();
      const uow = new BufferedUnitOfWork(rebuilt, { resetCollections: workQueueProjection.collections });
      for (const event of events) if (workQueueProjection.handles(event.type)) await workQueueProjection.apply(event, uow);
      await rebuilt.commit(uow.toBatch(workQueueProjection.name, events.at(-1)!.position));

      for (const collection of [WORK_QUEUE_COLLECTION, WORK_SUBJECTS_COLLECTION]) {
        expect((await rebuilt.find(collection, { limit: 500 })).items).toEqual((await live.store.find(collection, { limit: 500 })).items);
      }
    });
  });
});
