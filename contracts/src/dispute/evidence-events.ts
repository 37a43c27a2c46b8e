import { Type, type Static } from '@sinclair/typebox';
import { Evidence, Id, RulebookVersion, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { DisputePartySchema } from './vocabulary';

/** Arbitration evidence: each request has a due date, is answered once, and missing it is a fact of its own. */

const CaseKeys = {
  disputeId: Id('Id of the case (dsp_…)'),
  orderId: Id('Order the case is about (partition key)'),
  shopId: Id('Shop the case is about'),
};

export const DisputeEvidenceRequestedEvent = defineEvent({
  type: 'DisputeEvidenceRequested',
  version: 2,
  service: 'dispute',
  description:
    'The platform asked a party for evidence, due by dueBy (the rulebook default unless the platform set the hours).',
  schema: Type.Object(
    {
      ...CaseKeys,
      requestId: Id('Id of this evidence request, unique within the case'),
      party: DisputePartySchema,
      description: Text('What evidence is wanted', 1000),
      dueBy: Timestamp('Deadline for the evidence'),
      requestedBy: Id('Platform agent (小二) who asked'),
      ruleId: Type.String({ minLength: 1, description: 'Rule the due date comes from (dispute.evidence_due)' }),
      rulebookVersion: RulebookVersion('Rulebook version of the default due time'),
      requestedAt: Timestamp('When the evidence was requested'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    requestId: 'evr-1',
    party: 'merchant',
    description: 'Daylight photos of the same batch and the supplier colour card.',
    dueBy: '2026-11-16T10:15:00.000Z',
    requestedBy: 'plat-x03',
    ruleId: 'dispute.evidence_due',
    rulebookVersion: '2026-12-v4',
    requestedAt: '2026-11-13T10:15:00.000Z',
  },
});
export type DisputeEvidenceRequested = Static<typeof DisputeEvidenceRequestedEvent.schema>;

export const DisputeEvidenceSubmittedEvent = defineEvent({
  type: 'DisputeEvidenceSubmitted',
  version: 2,
  service: 'dispute',
  description: 'The requested party answered an evidence request, once, before its due date.',
  schema: Type.Object(
    {
      ...CaseKeys,
      requestId: Id('Evidence request answered'),
      party: DisputePartySchema,
      evidence: Type.Array(Evidence, { minItems: 1, description: 'The evidence submitted' }),
      note: Type.Optional(Text('What the party says about it', 2000)),
      submittedBy: Id('Actor who submitted it'),
      submittedAt: Timestamp('When the evidence was submitted'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    requestId: 'evr-1',
    party: 'merchant',
    evidence: [{ kind: 'photo', ref: 'media/dsp_3c40aa/daylight.jpg', description: 'Same batch in daylight' }],
    submittedBy: 'cs-012',
    submittedAt: '2026-11-14T09:00:00.000Z',
  },
});
export type DisputeEvidenceSubmitted = Static<typeof DisputeEvidenceSubmittedEvent.schema>;

export const DisputeEvidenceOverdueEvent = defineEvent({
  type: 'DisputeEvidenceOverdue',
  version: 2,
  service: 'dispute',
  description:
    "An evidence request reached its due date unanswered (recorded by the case's timer); the platform may rule without it.",
  schema: Type.Object(
    {
      ...CaseKeys,
      requestId: Id('Evidence request that went unanswered'),
      party: DisputePartySchema,
      dueBy: Timestamp('The due date that passed'),
      recordedAt: Timestamp('When the overdue request was recorded'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_77a0c3',
    orderId: 'ord-20261105-0009',
    shopId: 'shop-88',
    requestId: 'evr-2',
    party: 'merchant',
    dueBy: '2026-11-22T16:00:00.000Z',
    recordedAt: '2026-11-22T16:00:00.000Z',
  },
});
export type DisputeEvidenceOverdue = Static<typeof DisputeEvidenceOverdueEvent.schema>;

export const disputeEvidenceEvents = [DisputeEvidenceRequestedEvent, DisputeEvidenceSubmittedEvent, DisputeEvidenceOverdueEvent] as const;
