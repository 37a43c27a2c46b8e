import { csvFileName, dayStart, ledgerQuery, totalsRows } from './finance-model';

describe('finance view model', () => {
  it('given a period of days, then the query runs from the first day’s start to the day after the last, in the viewer’s zone', () => {
    const query = ledgerQuery({ shopId: ' shop-1 ', orderId: '', fromDay: '2026-11-01', toDay: '2026-11-30' });

    expect(query).toEqual({ shopId: 'shop-1', from: new Date(2026, 10, 1).toISOString(), to: new Date(2026, 11, 1).toISOString() });
    expect(Date.parse(query.to!) - Date.parse(query.from!)).toBeGreaterThanOrEqual(29 * 24 * 3600 * 1000);
  });

  it('given no filter or a day that is not one, then nothing is asked for', () => {
    expect(ledgerQuery({})).toEqual({});
    expect(dayStart('yesterday')).toBeUndefined();
  });

  it('given a filter, then the CSV file is named after it', () => {
    expect(csvFileName({ shopId: 'shop-1', fromDay: '2026-11-01', toDay: '2026-11-30' })).toBe('ledger-entries_shop-1_2026-11-01_2026-11-30.csv');
    expect(csvFileName({})).toBe('ledger-entries.csv');
    expect(csvFileName({ orderId: 'a/b c' })).toBe('ledger-entries_a-b-c.csv');
  });

  it('given totals per currency, then one row each, sorted', () => {
    expect(
      totalsRows({ balanced: true, byCurrency: { USD: { debits: 5, credits: 5, balanced: true }, CNY: { debits: 123450, credits: 123450, balanced: true } } }),
    ).toEqual([
      { currency: 'CNY', debits: 123450, credits: 123450, balanced: true },
      { currency: 'USD', debits: 5, credits: 5, balanced: true },
    ]);
    expect(totalsRows(undefined)).toEqual([]);
  });
});
