import { Type, type Static } from '@sinclair/typebox';
import { Id, OneOf, ShopRestrictionKinds, Timestamp, ViolationTypes } from '@aftersales/contracts';

export const PenaltyPointsQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 9999, description: 'Calendar year (UTC); the current one when absent' })) },
  { additionalProperties: false },
);
export type PenaltyPointsQuery = Static<typeof PenaltyPointsQuery>;

export const PenaltyPointsViewSchema = Type.Object(
  {
    shopId: Id('The shop'),
    year: Type.Integer({ description: 'Calendar year of the points: they reset every year' }),
    points: Type.Integer({ minimum: 0, description: "The shop's points in the year" }),
    restrictions: Type.Array(
      Type.Object({
        kind: OneOf(ShopRestrictionKinds, 'What the restriction does to the shop'),
        from: Timestamp(),
        until: Type.Optional(Timestamp('End of a temporary restriction')),
      }),
      { description: 'Restrictions in force' },
    ),
    violations: Type.Array(
      Type.Object({
        id: Id('Id of the assessment'),
        type: OneOf(ViolationTypes, 'The violation'),
        points: Type.Integer({ minimum: 0 }),
        at: Timestamp('When it was assessed'),
        orderId: Id('Order of the violation'),
        disputeId: Type.Optional(Id('Case that established it')),
        basedOn: Type.Array(Id(), { description: 'Events that established it' }),
        rule: Type.Object({ id: Type.String(), version: Type.String() }),
        revoked: Type.Optional(
          Type.Object(
            {
              at: Timestamp('When the points were revoked'),
              rulingId: Id('Ruling on appeal that reversed the finding'),
              basedOn: Type.Array(Id(), { description: 'The appeal ruling event, then the events the assessment was based on' }),
            },
            { description: 'Present when a ruling on appeal reversed the finding: its points no longer count' },
          ),
        ),
      }),
    ),
  },
  { description: "A shop's penalty points in a calendar year" },
);

export const PenaltyAuditReportSchema = Type.Object({
  checked: Type.Integer({ description: 'Assessments recomputed' }),
  mismatches: Type.Array(
    Type.Object({
      assessmentId: Type.String(),
      shopId: Type.String(),
      year: Type.Integer(),
      field: Type.String(),
      recorded: Type.Unknown(),
      recomputed: Type.Unknown(),
      rule: Type.Object({ id: Type.String(), version: Type.String() }),
    }),
  ),
  sourcesNotInLog: Type.Integer({ description: "Assessments whose source event is in another process's log" }),
  eventsRead: Type.Integer(),
  ms: Type.Integer(),
});
