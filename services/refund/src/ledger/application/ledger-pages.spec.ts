import { InMemoryReadModelStore } from '@aftersales/kernel';
import { journalEntryFor } from '../domain/journal';
import { ledgerPagesSuite } from '../testing/ledger-pages.suite';

ledgerPagesSuite('in memory', () => new InMemoryReadModelStore());

describe('ledger times', () => {
  it('given a movement paid at a time with an offset, then its entry is posted at the same instant in UTC, so it sorts and filters by time', () => {
    const entry = journalEntryFor({
      kind: 'refund',
      payoutId: 'p-1',
      orderId: 'o-1',
      shopId: 's-1',
      buyerId: 'b-1',
      amount: 100,
      currency: 'CNY',
      postedAt: '2026-11-03T08:00:00+08:00',
      source: { eventId: 'e-1', type: 'RefundPaid' },
      causedBy: ['e-1'],
      explanation: 'test',
    });

    expect(entry).toMatchObject({ id: 'je_2026-11-03T00:00:00.000Z_p-1', postedAt: '2026-11-03T00:00:00.000Z' });
  });
});
