import { Readable } from 'node:stream';
import { Controller, Get, Inject, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccessControlled, ApiRead, badRequest, ValidQuery } from '@aftersales/nest';
import { ledgerCsvChunks } from '../domain/csv';
import { trialBalance, type JournalEntry } from '../domain/journal';
import type { Ledger, LedgerQuery } from '../application/ledger.queries';
import { LEDGER_TOKEN } from './ledger.tokens';
import { EntriesPageSchema, EntriesQuery, PeriodQuery } from './ledger.schemas';
import { LEDGER_ACCESS } from './ledger.access';

/** Finance: the double-entry journal of every money movement, its CSV export, and the reconciliation report. */
@ApiTags('ledger')
@Controller('ledger')
@AccessControlled(LEDGER_ACCESS)
export class LedgerController {
  constructor(@Inject(LEDGER_TOKEN) private readonly ledger: Ledger) {}

  @Get('entries')
  @ApiRead({
    summary: 'Journal entries by order, shop and period, in posting order; each names its accounts, causing events and rule',
    description:
      'JSON comes in pages (limit, then cursor = the previous nextCursor with the same filter); pageTotals add up that page. ' +
      'format=csv streams every matching entry in one file.',
    response: EntriesPageSchema,
  })
  @ApiProduces('application/json', 'text/csv')
  async entries(@ValidQuery(EntriesQuery) query: EntriesQuery) {
    const { format, limit, cursor, ...filter } = query;
    if (format === 'csv') return this.csvExport(filter, cursor);
    const page = await this.ledger.page(filter, { limit, cursor });
    const { byCurrency, balanced } = trialBalance(page.entries);
    const pageTotals = { byCurrency, balanced };
    return { ...filter, count: page.entries.length, pageTotals, totals: pageTotals, entries: page.entries, nextCursor: page.nextCursor };
  }

  @Get('reconciliation')
  @ApiRead({ summary: 'Does the journal balance (debits = credits) and match, payout by payout, what the provider confirmed?' })
  async reconciliation(@ValidQuery(PeriodQuery) query: PeriodQuery) {
    return this.ledger.reconciliation(query);
  }

  /**
   * The whole export, a read-model page at a time. The first page is read before answering, so a query the store
   * refuses is still a problem+json; a failure after that can only cut the download short.
   */
  private async csvExport(filter: LedgerQuery, cursor: string | undefined): Promise<StreamableFile> {
    if (cursor !== undefined) {
      throw badRequest('The query string is invalid', [
        { field: '/cursor', message: 'the CSV export holds every matching entry: page with format=json' },
      ]);
    }
    const pages = this.ledger.pages(filter);
    const first = await pages.next();
    async function* rest(): AsyncGenerator<JournalEntry[]> {
      if (first.done) return;
      yield first.value;
      yield* pages;
    }
    return new StreamableFile(Readable.from(ledgerCsvChunks(rest())), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="ledger-entries.csv"',
    });
  }
}
