import { Type, type Static } from '@sinclair/typebox';
import { MAX_SLA_BREACH_DAYS } from '../application/sla-breaches.queries';
import { DEFAULT_WORK_QUEUE_PAGE, MAX_WORK_QUEUE_PAGE } from '../application/work-queue.queries';
import { WorkItemKinds } from '../domain/work-item';

const Kind = Type.Union(
  WorkItemKinds.map((kind) => Type.Literal(kind)),
  { description: 'refund (waiting for the merchant), dispute (a case), evidence_request (to the merchant), compensation (awaiting approval), review_follow_up (a bad review to follow up), remedy_approval (a case’s remedy above the threshold, awaiting a supervisor)' },
);

export const WorkQueueParams = Type.Object(
  {
    shopId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'One shop (shop staff: one of theirs)' })),
    assigneeId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    kind: Type.Optional(Kind),
    overdue: Type.Optional(Type.Boolean({ description: 'true: only what a breach event recorded as overdue (the supervisor’s view)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_WORK_QUEUE_PAGE, default: DEFAULT_WORK_QUEUE_PAGE })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'nextCursor of the previous page' })),
    counts: Type.Optional(
      Type.Boolean({ description: 'true: the answer adds `counts`, the open items per kind in the caller’s scope (shopId, assigneeId), whatever the page, kind and overdue filters' }),
    ),
  },
  { additionalProperties: false },
);
export type WorkQueueParams = Static<typeof WorkQueueParams>;

const WorkItemSchema = Type.Object({
  kind: Kind,
  id: Type.String({ description: 'The refund, case, evidence request, compensation, follow-up or remedy id' }),
  orderId: Type.String(),
  shopId: Type.String(),
  status: Type.String({ description: 'Where the item stands (the refund’s or the case’s status; requested/overdue; awaiting_approval; open/contacted/remedy_refused)' }),
  dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Its deadline; null when none runs (sorted last)' }),
  overdue: Type.Boolean({ description: 'A breach event recorded that the deadline passed' }),
  assigneeId: Type.Optional(Type.String()),
  disputeId: Type.Optional(Type.String({ description: 'The case the item belongs to (evidence requests, remedies, a case’s compensation)' })),
});

const KindCountSchema = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  overdue: Type.Integer({ minimum: 0, description: 'Of them, the ones a breach event recorded as overdue' }),
});

const WorkQueueCountsSchema = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    overdue: Type.Integer({ minimum: 0 }),
    byKind: Type.Object(Object.fromEntries(WorkItemKinds.map((kind) => [kind, KindCountSchema])), { additionalProperties: false }),
  },
  { description: 'With ?counts=true: every open item of the caller’s scope (shopId, assigneeId) counted, on every page alike; kind and overdue do not narrow it' },
);

export const WorkQueuePageSchema = Type.Object({
  items: Type.Array(WorkItemSchema, { description: 'Open items, earliest due first' }),
  nextCursor: Type.Optional(Type.String({ description: 'Pass as `cursor` for the next page; absent on the last page' })),
  counts: Type.Optional(WorkQueueCountsSchema),
});

const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });

export const SlaBreachesParams = Type.Object(
  {
    from: Day('First day (YYYY-MM-DD, UTC), included'),
    to: Day(`Last day (YYYY-MM-DD, UTC), included; at most ${MAX_SLA_BREACH_DAYS} days after from`),
    shopId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'One shop (supervisors: one of theirs)' })),
  },
  { additionalProperties: false },
);
export type SlaBreachesParams = Static<typeof SlaBreachesParams>;

export const SlaBreachesPerDaySchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  metrics: Type.Array(Type.String(), {
    description:
      'The metrics with a breach in the period: dispute.first_response, dispute.resolution, dispute.evidence, dispute.awaiting_buyer, review_follow_up.first_contact, review_follow_up.resolution',
  }),
  days: Type.Array(
    Type.Object({
      day: Type.String({ description: 'YYYY-MM-DD (UTC) of the breach events' }),
      total: Type.Integer({ minimum: 0 }),
      byMetric: Type.Record(Type.String(), Type.Integer({ minimum: 1 }), { description: 'Breaches that day per metric (absent: none)' }),
    }),
    { description: 'Every day of the period, oldest first' },
  ),
});
