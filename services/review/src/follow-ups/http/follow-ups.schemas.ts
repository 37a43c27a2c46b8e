import { Type, type Static } from '@sinclair/typebox';
import { FollowUpChannels, FollowUpRemedyKinds, Id, OneOf } from '@aftersales/contracts';

const strict = { additionalProperties: false } as const;
const text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, description });
const Money = (description: string) => Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description });
const Timestamp = Type.String({ format: 'date-time' });
const FollowUpStatuses = ['open', 'contacted', 'closed'] as const;

export const ContactBody = Type.Object(
  { channel: OneOf(FollowUpChannels, 'How the buyer was contacted'), note: text(2000, 'What was said') },
  strict,
);
export type ContactBody = Static<typeof ContactBody>;

export const FollowUpRemedyBody = Type.Object(
  {
    kind: OneOf(FollowUpRemedyKinds, 'goodwill_credit (a compensation decision), resend, partial_refund (a refund), explanation'),
    amount: Type.Optional(Money('Money part of a goodwill credit or partial refund, in minor units (fen)')),
    note: text(1000, 'The remedy as explained to the buyer'),
  },
  strict,
);
export type FollowUpRemedyBody = Static<typeof FollowUpRemedyBody>;

export const FollowUpRemedyApprovalBody = Type.Object(
  {
    decision: Type.Optional(OneOf(['approved', 'rejected'] as const, "The supervisor's decision (default approved)")),
    reason: Type.Optional(text(1000, 'Why the supervisor refuses it (required to reject)')),
  },
  strict,
);
export type FollowUpRemedyApprovalBody = Static<typeof FollowUpRemedyApprovalBody>;

export const ClosureBody = Type.Object(
  {
    outcome: OneOf(['explained', 'unresolved', 'appealed'] as const, 'How the follow-up ended (revised is set by the buyer’s revision)'),
    note: Type.Optional(text(2000, 'Closing remark')),
  },
  strict,
);
export type ClosureBody = Static<typeof ClosureBody>;

export const ListFollowUpsParams = Type.Object(
  {
    shopId: Type.Optional(Id('Only follow-ups of this shop (one of the caller’s, for shop staff)')),
    orderId: Type.Optional(Id('Only the follow-ups of this order (the case file), in the caller’s scope; one page')),
    status: Type.Optional(OneOf(FollowUpStatuses, 'Only follow-ups in this status')),
    overdue: Type.Optional(Type.Boolean({ description: 'true: only follow-ups past a deadline (the supervisor’s overdue view)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  strict,
);
export type ListFollowUpsParams = Static<typeof ListFollowUpsParams>;

/** GET /review-follow-ups/{id}: a follow-up as api.md shows it. */
export const FollowUpViewSchema = Type.Object({
  id: Type.String(),
  reviewId: Type.String(),
  orderId: Type.String(),
  shopId: Type.String(),
  buyerId: Type.String(),
  rating: Type.String(),
  status: OneOf(FollowUpStatuses, 'open (waiting for the first contact), contacted, closed'),
  deadlines: Type.Object({ firstContactBy: Timestamp, resolveBy: Timestamp }),
  nextDeadlineAt: Type.Union([Timestamp, Type.Null()]),
  overdue: Type.Boolean(),
  contactedAt: Type.Optional(Timestamp),
  slaBreaches: Type.Array(Type.Object({ metric: Type.String(), dueAt: Timestamp, ruleId: Type.String() })),
  remedies: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: OneOf(FollowUpRemedyKinds, 'What the buyer gets'),
      amount: Type.Optional(Type.Integer()),
      currency: Type.String(),
      note: Type.String(),
      status: OneOf(
        ['awaiting_approval', 'granted', 'rejected', 'refused', 'paid'] as const,
        'Where the remedy stands: a granted partial refund becomes paid, or refused when the order can no longer refund that much',
      ),
      requiresSupervisorApproval: Type.Boolean(),
      proposedBy: Type.String(),
      proposedAt: Timestamp,
      approverId: Type.Optional(Type.String()),
      refundId: Type.Optional(Type.String({ description: 'The refund that pays a partial refund (paid), or would have (refused)' })),
      refundable: Type.Optional(Type.Integer({ description: 'Refused: what the order could still refund, in minor units' })),
      explanation: Type.Optional(Type.String({ description: 'Refused: why nothing was paid' })),
    }),
  ),
  outcome: Type.Optional(OneOf(['explained', 'unresolved', 'appealed', 'revised'] as const, 'How it ended')),
  closedAt: Type.Optional(Timestamp),
  openedAt: Timestamp,
  rulebookVersion: Type.String(),
  revision: Type.Integer(),
});

export const FollowUpListSchema = Type.Object({ items: Type.Array(FollowUpViewSchema), nextCursor: Type.Optional(Type.String()) });
