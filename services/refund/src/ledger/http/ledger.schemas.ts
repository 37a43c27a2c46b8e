import { Type, type Static } from '@sinclair/typebox';
import { Id } from '@aftersales/contracts';
import { DEFAULT_ENTRIES_PAGE, MAX_ENTRIES_PAGE } from '../application/ledger.queries';

const Period = {
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Posted at or after (inclusive)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Posted before (exclusive)' })),
};

export const EntriesQuery = Type.Object(
  {
    orderId: Type.Optional(Id('Only this order')),
    shopId: Type.Optional(Id('Only this shop')),
    ...Period,
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_ENTRIES_PAGE,
        description: `Entries per page, ${DEFAULT_ENTRIES_PAGE} when absent. JSON only: the CSV export holds every matching entry`,
      }),
    ),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 512,
        description: 'The nextCursor of the previous page; valid only with the same orderId, shopId, from and to. JSON only',
      }),
    ),
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('csv')], {
        description: 'csv: one row per journal line, every matching entry in one file',
      }),
    ),
  },
  { additionalProperties: false },
);
export type EntriesQuery = Static<typeof EntriesQuery>;

export const PeriodQuery = Type.Object(Period, { additionalProperties: false });
export type PeriodQuery = Static<typeof PeriodQuery>;

const Totals = (description: string) =>
  Type.Object(
    {
      byCurrency: Type.Record(Type.String(), Type.Object({ debits: Type.Integer(), credits: Type.Integer(), balanced: Type.Boolean() })),
      balanced: Type.Boolean(),
    },
    { description },
  );

export const EntriesPageSchema = Type.Object({
  orderId: Type.Optional(Type.String()),
  shopId: Type.Optional(Type.String()),
  from: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
  count: Type.Integer({ description: 'Entries on this page' }),
  pageTotals: Totals(
    'Debits and credits of the entries on this page only. For a whole period: /ledger/reconciliation (journal) or the CSV export',
  ),
  totals: Totals('Deprecated, the same as pageTotals: it covers this page only, not every matching entry'),
  entries: Type.Array(
    Type.Object(
      {
        id: Type.String({ description: 'je_<postedAt>_<payoutId>: entries sort by it in posting order' }),
        postedAt: Type.String({ format: 'date-time' }),
        kind: Type.String(),
        amount: Type.Integer({ description: 'Minor units' }),
        currency: Type.String(),
        lines: Type.Array(Type.Object({ account: Type.String(), debit: Type.Integer(), credit: Type.Integer() })),
        causedBy: Type.Array(Type.String()),
        explanation: Type.String(),
        dispute: Type.Optional(
          Type.Object(
            { disputeId: Type.String(), remedyId: Type.Optional(Type.String()), rulingId: Type.Optional(Type.String()) },
            { description: 'The dispute case whose accepted remedy or ruling caused the movement' },
          ),
        ),
      },
      { additionalProperties: true },
    ),
    { description: 'In posting order' },
  ),
  nextCursor: Type.Optional(
    Type.String({ description: 'Pass as cursor (with the same filter) for the next page; absent on the last page' }),
  ),
});
