import { Type, type Static } from '@sinclair/typebox';
import { Evidence, Id, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { DisputePartySchema } from './vocabulary';

/** Both parties submit evidence; each request has a due date, and missing it is a fact of its own. */

export const DisputeEvidenceRequestedEvent = defineEvent({
  type: 'DisputeEvidenceRequested',
  version: 1,
  service: 'dispute',
  description: 'A party was asked for evidence, due by dueBy.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      requestId: Id('Id of this evidence request, unique within the case'),
      party: DisputePartySchema,
      description: Text('What evidence is wanted', 1000),
      dueBy: Timestamp('Deadline for the evidence'),
      requestedAt: Timestamp('When the evidence was requested'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    requestId: 'ev-1',
    party: 'merchant',
    description: 'Daylight photos of the same batch and the supplier colour card.',
    dueBy: '2026-11-16T10:00:00.000Z',
    requestedAt: '2026-11-13T10:15:00.000Z',
  },
});
export type DisputeEvidenceRequested = Static<typeof DisputeEvidenceRequestedEvent.schema>;

export const DisputeEvidenceSubmittedEvent = defineEvent({
  type: 'DisputeEvidenceSubmitted',
  version: 1,
  service: 'dispute',
  description: 'A party submitted evidence, answering a request or on its own initiative.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      requestId: Type.Optional(Id('Evidence request answered, if any')),
      party: DisputePartySchema,
      evidence: Type.Array(Evidence, { minItems: 1, description: 'The evidence submitted' }),
      note: Type.Optional(Text('What the party says about it', 2000)),
      late: Type.Boolean({ description: "True when submitted after the request's due date" }),
      submittedAt: Timestamp('When the evidence was submitted'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    requestId: 'ev-1',
    party: 'merchant',
    evidence: [{ kind: 'photo', ref: 'media/dp-3c40aa/daylight.jpg', description: 'Same batch in daylight' }],
    late: false,
    submittedAt: '2026-11-14T09:00:00.000Z',
  },
});
export type DisputeEvidenceSubmitted = Static<typeof DisputeEvidenceSubmittedEvent.schema>;

export const DisputeEvidenceOverdueEvent = defineEvent({
  type: 'DisputeEvidenceOverdue',
  version: 1,
  service: 'dispute',
  description: "An evidence request reached its due date unanswered (fired by the case's timer).",
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      requestId: Id('Evidence request that went unanswered'),
      party: DisputePartySchema,
      dueBy: Timestamp('The due date that passed'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-77a0c3',
    orderId: 'ord-20261105-0009',
    requestId: 'ev-2',
    party: 'merchant',
    dueBy: '2026-11-22T16:00:00.000Z',
  },
});
export type DisputeEvidenceOverdue = Static<typeof DisputeEvidenceOverdueEvent.schema>;

export const disputeEvidenceEvents = [DisputeEvidenceRequestedEvent, DisputeEvidenceSubmittedEvent, DisputeEvidenceOverdueEvent] as const;
