import { Type, type Static } from '@sinclair/typebox';
import {
  DisputeCategorySchema,
  DisputeEscalationTargets,
  DisputeOrigins,
  DisputePartySchema,
  DisputeRulingOutcomes,
  DisputeSlaMetrics,
  DisputeStatuses,
  EvidenceKinds,
  Id,
  OneOf,
  RemedyKinds,
  ViolationTypeSchema,
} from '@aftersales/contracts';

const strict = { additionalProperties: false } as const;
const text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, description });
const Money = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description });
const Timestamp = Type.String({ format: 'date-time' });

/** A piece of evidence as the API takes it: `note` is what the submitter says it shows. */
export const EvidenceItem = Type.Object(
  {
    kind: OneOf(EvidenceKinds, 'What sort of evidence this is'),
    ref: Type.String({ minLength: 1, maxLength: 2048, description: 'Where the evidence is stored (file id or URL)' }),
    note: Type.Optional(text(500, "What the evidence shows, in the submitter's words")),
  },
  strict,
);
export type EvidenceItem = Static<typeof EvidenceItem>;
const EvidenceList = Type.Array(EvidenceItem, { maxItems: 20 });

export const OpenDisputeBody = Type.Object(
  {
    orderId: Id('Order the complaint is about'),
    category: DisputeCategorySchema,
    description: text(4000, 'What the complaint is about'),
    refundId: Type.Optional(Id('Refund request the complaint is about, if any')),
    evidence: Type.Optional(EvidenceList),
  },
  strict,
);
export type OpenDisputeBody = Static<typeof OpenDisputeBody>;

export const AssignmentBody = Type.Object({ assigneeId: Id('Staff member who handles the case') }, strict);
export type AssignmentBody = Static<typeof AssignmentBody>;

export const MessageBody = Type.Object(
  {
    text: text(4000, 'The message'),
    visibility: Type.Optional(OneOf(['parties', 'internal'] as const, 'parties (default): buyer and shop; internal: staff and platform')),
    awaitingReply: Type.Optional(Type.Boolean({ description: "The shop waits on the buyer's answer (the resolution clock pauses)" })),
  },
  strict,
);
export type MessageBody = Static<typeof MessageBody>;

export const RemedyBody = Type.Object(
  {
    kind: OneOf(RemedyKinds, 'What the buyer gets'),
    amount: Type.Optional(Money('Money part of the remedy, in minor units')),
    description: text(1000, 'The remedy as explained to the buyer'),
  },
  strict,
);
export type RemedyBody = Static<typeof RemedyBody>;

export const EmptyBody = Type.Object({}, strict);
export type EmptyBody = Static<typeof EmptyBody>;
export const RemedyApprovalBody = Type.Object(
  {
    decision: Type.Optional(OneOf(['approved', 'rejected'] as const, "The supervisor's decision (default approved)")),
    reason: Type.Optional(text(1000, 'Why the supervisor refuses it (required to reject)')),
  },
  strict,
);
export type RemedyApprovalBody = Static<typeof RemedyApprovalBody>;
export const RemedyDeclineBody = Type.Object({ reason: Type.Optional(text(1000, 'Why the buyer declines it')) }, strict);
export type RemedyDeclineBody = Static<typeof RemedyDeclineBody>;

export const EscalationBody = Type.Object(
  { to: OneOf(DisputeEscalationTargets, 'A supervisor, or platform arbitration'), reason: text(2000, 'Why the case is escalated') },
  strict,
);
export type EscalationBody = Static<typeof EscalationBody>;

export const EvidenceRequestBody = Type.Object(
  {
    party: DisputePartySchema,
    description: text(1000, 'What evidence is wanted'),
    dueInHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 60, description: 'Hours the party has (default from the rulebook)' })),
  },
  strict,
);
export type EvidenceRequestBody = Static<typeof EvidenceRequestBody>;

export const EvidenceBody = Type.Object(
  { requestId: Id('Evidence request answered'), items: Type.Array(EvidenceItem, { minItems: 1, maxItems: 20 }), note: Type.Optional(text(2000, 'What the party says about it')) },
  strict,
);
export type EvidenceBody = Static<typeof EvidenceBody>;

export const RulingBody = Type.Object(
  {
    outcome: OneOf(DisputeRulingOutcomes, 'In whose favour'),
    refundAmount: Type.Optional(Money('Amount refunded to the buyer, in minor units (at most what was paid)')),
    compensation: Type.Optional(Type.Object({ kind: OneOf(RemedyKinds, 'What the compensation is') }, strict)),
    violation: Type.Optional(ViolationTypeSchema),
    reason: text(4000, 'Reasons of the ruling'),
  },
  strict,
);
export type RulingBody = Static<typeof RulingBody>;

export const AppealBody = Type.Object({ reason: text(2000, 'Why the ruling should change'), evidence: Type.Optional(EvidenceList) }, strict);
export type AppealBody = Static<typeof AppealBody>;

export const FollowUpBody = Type.Object(
  {
    satisfaction: Type.Integer({ minimum: 1, maximum: 5, description: 'Buyer satisfaction, 1 to 5' }),
    comment: Type.Optional(text(2000, 'What the buyer said')),
  },
  strict,
);
export type FollowUpBody = Static<typeof FollowUpBody>;

export const GetDisputeParams = Type.Object({ asOf: Type.Optional(Type.String({ format: 'date-time', description: 'The case as it stood at this instant' })) }, strict);
export type GetDisputeParams = Static<typeof GetDisputeParams>;

export const ListDisputesParams = Type.Object(
  {
    status: Type.Optional(OneOf(DisputeStatuses, 'Only cases in this status')),
    shopId: Type.Optional(Id('Only cases of this shop (one of the caller’s, for shop staff)')),
    assigneeId: Type.Optional(Id('Only cases assigned to this staff member')),
    overdue: Type.Optional(Type.Boolean({ description: 'true: only cases past a deadline (the supervisor’s overdue view)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  strict,
);
export type ListDisputesParams = Static<typeof ListDisputesParams>;

/** GET /disputes/{id}: a case as api.md shows it. */
export const DisputeViewSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  shopId: Type.String(),
  buyerId: Type.String(),
  category: DisputeCategorySchema,
  origin: OneOf(DisputeOrigins, 'How the case came in'),
  status: OneOf(DisputeStatuses, 'Where the case stands'),
  assigneeId: Type.Optional(Type.String()),
  refundId: Type.Optional(Type.String()),
  currency: Type.String(),
  paidAmount: Type.Optional(Type.Integer()),
  openedAt: Timestamp,
  deadlines: Type.Object({
    firstResponseBy: Type.Optional(Timestamp),
    resolveBy: Type.Optional(Timestamp),
    pausedSince: Type.Optional(Timestamp),
    awaitingBuyerUntil: Type.Optional(Timestamp),
  }),
  nextDeadlineAt: Type.Optional(Timestamp),
  overdue: Type.Boolean(),
  slaBreaches: Type.Array(
    Type.Object({ metric: OneOf(DisputeSlaMetrics, 'Deadline breached'), requestId: Type.Optional(Type.String()), dueAt: Timestamp, at: Timestamp }),
  ),
  evidenceRequests: Type.Array(
    Type.Object({
      id: Type.String(),
      party: DisputePartySchema,
      description: Type.String(),
      dueAt: Timestamp,
      submittedAt: Type.Optional(Timestamp),
      overdue: Type.Boolean(),
    }),
  ),
  remedies: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: OneOf(RemedyKinds, 'What the buyer gets'),
      amount: Type.Optional(Type.Integer()),
      description: Type.String(),
      requiresSupervisorApproval: Type.Boolean(),
      status: OneOf(['awaiting_approval', 'proposed', 'rejected', 'accepted', 'declined'] as const, 'Where the remedy stands'),
    }),
  ),
  ruling: Type.Optional(
    Type.Object({
      id: Type.String(),
      outcome: OneOf(DisputeRulingOutcomes, 'In whose favour'),
      refundAmount: Type.Optional(Type.Integer()),
      violation: Type.Optional(ViolationTypeSchema),
      ruledAt: Timestamp,
      appealBy: Timestamp,
      onAppeal: Type.Boolean(),
    }),
  ),
  appeal: Type.Optional(Type.Object({ party: DisputePartySchema, appealedAt: Timestamp, rulingId: Type.String() })),
  satisfaction: Type.Optional(Type.Integer()),
  revision: Type.Integer(),
});

export const DisputeListSchema = Type.Object({ items: Type.Array(DisputeViewSchema), nextCursor: Type.Optional(Type.String()) });
