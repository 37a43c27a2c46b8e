import { Type, type Static } from '@sinclair/typebox';
import { ActorSchema, Id, OneOf, PayoutKinds } from '@aftersales/contracts';
import { MAX_RETRY_REASON_LENGTH } from '../domain';

const strict = { additionalProperties: false } as const;
const Timestamp = Type.String({ format: 'date-time' });
const PayoutStatuses = ['pending', 'paid', 'failed'] as const;

export const ListPayoutsQuery = Type.Object(
  {
    status: Type.Optional(OneOf(PayoutStatuses, 'Only payouts in this status (failed: given up, waiting for finance)')),
    orderId: Type.Optional(Id('Only the payouts of this order')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  strict,
);
export type ListPayoutsQuery = Static<typeof ListPayoutsQuery>;

export const RetryPayoutBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: MAX_RETRY_REASON_LENGTH, description: 'Why finance re-drives the payout (recorded with it)' }) },
  strict,
);
export type RetryPayoutBody = Static<typeof RetryPayoutBody>;

const ErrorView = Type.Object({ code: Type.String(), message: Type.String() });

/** GET /payouts/{payoutId} (documentation of the read model document). */
export const PayoutViewSchema = Type.Object({
  id: Type.String(),
  kind: OneOf(PayoutKinds, 'What the money is'),
  orderId: Type.String(),
  shopId: Type.String(),
  buyerId: Type.String(),
  amount: Type.Integer({ description: 'Minor units' }),
  currency: Type.String(),
  refundId: Type.Optional(Type.String()),
  compensationId: Type.Optional(Type.String()),
  causedBy: Type.Array(Type.String()),
  status: OneOf(PayoutStatuses, 'pending: being attempted; paid; failed: given up, finance may re-drive it'),
  failedAttempts: Type.Integer({ description: 'Failed provider attempts so far, across re-drives' }),
  lastError: Type.Optional(ErrorView),
  nextAttemptAt: Type.Optional(Timestamp),
  providerRef: Type.Optional(Type.String()),
  requestedAt: Timestamp,
  paidAt: Type.Optional(Timestamp),
  failedAt: Type.Optional(Timestamp),
  retries: Type.Optional(
    Type.Array(
      Type.Object({ requestedBy: ActorSchema, requestedAt: Timestamp, reason: Type.String(), previousAttempts: Type.Integer(), lastError: ErrorView }),
      { description: 'Re-drives by finance, oldest first' },
    ),
  ),
  revision: Type.Integer(),
});

export const PayoutPageSchema = Type.Object({ items: Type.Array(PayoutViewSchema), nextCursor: Type.Optional(Type.String()) });
