import { Type, type Static } from '@sinclair/typebox';
import { Id, OneOf, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { Remedy, ViolationTypeSchema } from './vocabulary';

/** Platform arbitration (小二介入) when buyer and merchant cannot settle. */

export const ArbitrationRequesters = ['buyer', 'merchant', 'supervisor'] as const;

export const PlatformArbitrationRequestedEvent = defineEvent({
  type: 'PlatformArbitrationRequested',
  version: 1,
  service: 'dispute',
  description: 'A party asked the platform to arbitrate.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      requestedBy: OneOf(ArbitrationRequesters, 'Who asked for arbitration'),
      reason: Text('Why negotiation failed', 2000),
      requestedAt: Timestamp('When arbitration was requested'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    requestedBy: 'buyer',
    reason: 'The merchant still refuses the return.',
    requestedAt: '2026-11-15T08:00:00.000Z',
  },
});
export type PlatformArbitrationRequested = Static<typeof PlatformArbitrationRequestedEvent.schema>;

export const ArbitrationRulings = ['buyer_favoured', 'merchant_favoured', 'shared'] as const;

export const PlatformArbitrationDecidedEvent = defineEvent({
  type: 'PlatformArbitrationDecided',
  version: 1,
  service: 'dispute',
  description:
    'The platform agent ruled. A ruling for the buyer carries the remedy to apply and, when a rule was broken, the violation that costs the shop penalty points.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      arbitratorId: Id('Platform agent (小二) who decided'),
      ruling: OneOf(ArbitrationRulings, 'In whose favour'),
      remedy: Type.Optional(Remedy),
      violationType: Type.Optional(ViolationTypeSchema),
      explanation: Text('Reasons of the ruling, citing the evidence', 4000),
      decidedAt: Timestamp('When the ruling was made'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    arbitratorId: 'plat-x03',
    ruling: 'buyer_favoured',
    remedy: { kind: 'refund', amount: 35900, currency: 'CNY', description: 'Return and full refund; merchant pays return shipping.' },
    violationType: 'not_as_described',
    explanation: 'Daylight photos confirm the colour differs from the listing.',
    decidedAt: '2026-11-18T11:00:00.000Z',
  },
});
export type PlatformArbitrationDecided = Static<typeof PlatformArbitrationDecidedEvent.schema>;

export const disputeArbitrationEvents = [PlatformArbitrationRequestedEvent, PlatformArbitrationDecidedEvent] as const;
