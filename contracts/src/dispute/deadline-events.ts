import { Type, type Static } from '@sinclair/typebox';
import { Id, OneOf, RulebookVersion, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { DisputeSlaMetricSchema } from './vocabulary';

/** The SLA clocks of a case: set, cleared and breached, each as a fact naming the rule and rulebook version. */

const CaseKeys = {
  disputeId: Id('Id of the case (dsp_…)'),
  orderId: Id('Order the case is about (partition key)'),
  shopId: Id('Shop the case is about'),
};

const RequestId = Type.Optional(Id('Evidence request the deadline belongs to (metric evidence only)'));
const RuleId = Type.String({ minLength: 1, description: 'Id of the rulebook rule that sets this deadline, e.g. dispute.first_response' });

export const DisputeDeadlineSetEvent = defineEvent({
  type: 'DisputeDeadlineSet',
  version: 1,
  service: 'dispute',
  description:
    'A deadline of the case started (or moved): on intake (first response, resolution), on resuming after a pause (the resolution deadline moved by the paused time), on an evidence request, on entering awaiting_buyer. A durable timer fires at dueAt.',
  schema: Type.Object(
    {
      ...CaseKeys,
      metric: DisputeSlaMetricSchema,
      dueAt: Timestamp('When the deadline falls due'),
      requestId: RequestId,
      pausedSeconds: Type.Optional(
        Type.Integer({ minimum: 0, description: 'On a resume: how long the clock was paused, added to the deadline, in seconds' }),
      ),
      ruleId: RuleId,
      rulebookVersion: RulebookVersion('Rulebook version the deadline was computed from'),
      basedOn: Type.Array(Id('Event id'), { description: 'Ids of the events the deadline was computed from' }),
      setAt: Timestamp('When the deadline was set'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    metric: 'first_response',
    dueAt: '2026-11-13T19:45:00.000Z',
    ruleId: 'dispute.first_response',
    rulebookVersion: '2026-12-v4',
    basedOn: ['01937a7e-7d1c-7000-8000-000000000001'],
    setAt: '2026-11-12T19:45:00.000Z',
  },
});
export type DisputeDeadlineSet = Static<typeof DisputeDeadlineSetEvent.schema>;

export const DisputeDeadlineClearReasons = ['met', 'paused', 'case_ended'] as const;
export type DisputeDeadlineClearReason = (typeof DisputeDeadlineClearReasons)[number];

export const DisputeDeadlineClearedEvent = defineEvent({
  type: 'DisputeDeadlineCleared',
  version: 1,
  service: 'dispute',
  description:
    'A deadline of the case no longer runs: it was met, the clock was paused (waiting on the buyer), or the case ended or moved past it. Its timer fires into nothing.',
  schema: Type.Object(
    {
      ...CaseKeys,
      metric: DisputeSlaMetricSchema,
      requestId: RequestId,
      reason: OneOf(DisputeDeadlineClearReasons, 'Why the deadline stopped running'),
      at: Timestamp('When the deadline was cleared'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    metric: 'first_response',
    reason: 'met',
    at: '2026-11-12T21:00:00.000Z',
  },
});
export type DisputeDeadlineCleared = Static<typeof DisputeDeadlineClearedEvent.schema>;

export const DisputeSlaBreachedEvent = defineEvent({
  type: 'DisputeSlaBreached',
  version: 1,
  service: 'dispute',
  description:
    "A deadline of the case passed while it was still running (recorded by the case's timer). The supervisor's overdue view and the reports are built from these.",
  schema: Type.Object(
    {
      ...CaseKeys,
      metric: DisputeSlaMetricSchema,
      requestId: RequestId,
      dueAt: Timestamp('The deadline that passed'),
      breachedAt: Timestamp('When the breach was recorded'),
      ruleId: RuleId,
      rulebookVersion: RulebookVersion('Rulebook version that set the deadline'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    metric: 'first_response',
    dueAt: '2026-11-13T19:45:00.000Z',
    breachedAt: '2026-11-13T19:45:00.000Z',
    ruleId: 'dispute.first_response',
    rulebookVersion: '2026-12-v4',
  },
});
export type DisputeSlaBreached = Static<typeof DisputeSlaBreachedEvent.schema>;

export const disputeDeadlineEvents = [DisputeDeadlineSetEvent, DisputeDeadlineClearedEvent, DisputeSlaBreachedEvent] as const;
