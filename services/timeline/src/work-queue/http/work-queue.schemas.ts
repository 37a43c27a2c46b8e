import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_WORK_QUEUE_PAGE, MAX_WORK_QUEUE_PAGE } from '../application/work-queue.queries';
import { WorkItemKinds } from '../domain/work-item';

const Kind = Type.Union(
  WorkItemKinds.map((kind) => Type.Literal(kind)),
  { description: 'refund (waiting for the merchant), dispute (a case), evidence_request (to the merchant), compensation (awaiting approval)' },
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
  id: Type.String({ description: 'The refund, case, evidence request or compensation id' }),
  orderId: Type.String(),
  shopId: Type.String(),
  status: Type.String({ description: 'Where the item stands (the refund’s or the case’s status; requested/overdue; awaiting_approval)' }),
  dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Its deadline; null when none runs (sorted last)' }),
  overdue: Type.Boolean({ description: 'A breach event recorded that the deadline passed' }),
  assigneeId: Type.Optional(Type.String()),
  disputeId: Type.Optional(Type.String({ description: 'The case the item belongs to (evidence requests, a case’s compensation)' })),
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
