import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Id } from '@aftersales/contracts';
import { ApiRead, ValidQuery, type HttpResponseLike } from '@aftersales/nest';
import { ledgerCsv } from '../csv';
import { trialBalance } from '../journal';
import type { Ledger } from '../ledger-queries';

export const LEDGER_TOKEN = Symbol('Ledger');

const Period = {
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Posted at or after (inclusive)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Posted before (exclusive)' })),
};
const EntriesQuery = Type.Object(
  {
    orderId: Type.Optional(Id('Only this order')),
    shopId: Type.Optional(Id('Only this shop')),
    ...Period,
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: one row per journal line' })),
  },
  { additionalProperties: false },
);
type EntriesQuery = Static<typeof EntriesQuery>;
const PeriodQuery = Type.Object(Period, { additionalProperties: false });
type PeriodQuery = Static<typeof PeriodQuery>;

/** Finance: the double-entry journal of every money movement, its CSV export, and the reconciliation report. */
@ApiTags('ledger')
@Controller('ledger')
export class LedgerController {
  constructor(@Inject(LEDGER_TOKEN) private readonly ledger: Ledger) {}

  @Get('entries')
  @ApiRead({ summary: 'Journal entries by order, shop and period, in posting order; each names its accounts, causing events and rule' })
  async entries(@ValidQuery(EntriesQuery) query: EntriesQuery, @Res({ passthrough: true }) res: HttpResponseLike) {
    const { format, ...filter } = query;
    const entries = await this.ledger.entries(filter);
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="ledger-entries.csv"');
      return ledgerCsv(entries);
    }
    const { byCurrency, balanced } = trialBalance(entries);
    return { ...filter, count: entries.length, totals: { byCurrency, balanced }, entries };
  }

  @Get('reconciliation')
  @ApiRead({ summary: 'Does the journal balance (debits = credits) and match, payout by payout, what the provider confirmed?' })
  async reconciliation(@ValidQuery(PeriodQuery) query: PeriodQuery) {
    return this.ledger.reconciliation(query);
  }
}
