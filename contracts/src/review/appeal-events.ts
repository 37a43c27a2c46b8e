import { Type, type Static } from '@sinclair/typebox';
import { Evidence, Id, OneOf, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';

/** Malicious-review appeal (投诉翻案): the merchant collects evidence and the platform decides. Recorded on the review stream. */

export const MaliciousReviewGrounds = ['extortion', 'competitor_attack', 'abusive_content', 'unrelated_to_order'] as const;

export const MaliciousReviewAppealFiledEvent = defineEvent({
  type: 'MaliciousReviewAppealFiled',
  version: 2,
  service: 'review',
  description:
    'The shop appealed a review as malicious (e.g. written to extort a benefit), with its reason and evidence; the platform decides. One appeal per review.',
  schema: Type.Object(
    {
      appealId: Id('Id of the appeal'),
      reviewId: Id('Review appealed'),
      orderId: Id('Order reviewed (partition key)'),
      shopId: Id('Shop that appeals'),
      agentId: Id('Shop agent (工号) who filed the appeal'),
      grounds: Type.Optional(OneOf(MaliciousReviewGrounds, 'Why the review is malicious, when the shop said')),
      reason: Text("The shop's account", 4000),
      evidence: Type.Array(Evidence, { minItems: 1, description: 'Evidence such as chat logs showing the demand' }),
      filedAt: Timestamp('When the appeal was filed'),
    },
    { additionalProperties: false },
  ),
  example: {
    appealId: 'apl_rev_5f2a9c0d1e',
    reviewId: 'rev_5f2a9c0d1e',
    orderId: 'ord-20261105-0013',
    shopId: 'shop-88',
    agentId: 'cs-031',
    grounds: 'extortion',
    reason: 'Buyer demanded 200 CNY to remove the negative review.',
    evidence: [{ kind: 'chat_log', ref: 'media/rev_5f2a9c0d1e/chat.png' }],
    filedAt: '2026-11-21T12:00:00.000Z',
  },
});
export type MaliciousReviewAppealFiled = Static<typeof MaliciousReviewAppealFiledEvent.schema>;

export const MaliciousReviewAppealDecidedEvent = defineEvent({
  type: 'MaliciousReviewAppealDecided',
  version: 1,
  service: 'review',
  description: 'The platform decided the appeal; an upheld appeal removes the review.',
  schema: Type.Object(
    {
      appealId: Id('Id of the appeal'),
      reviewId: Id('Review appealed'),
      orderId: Id('Order reviewed (partition key)'),
      upheld: Type.Boolean({ description: 'True when the review is found malicious' }),
      reviewRemoved: Type.Boolean({ description: 'True when the review is taken down as a result' }),
      arbitratorId: Id('Platform agent (小二) who decided'),
      explanation: Text('Reasons of the decision', 4000),
      decidedAt: Timestamp('When the appeal was decided'),
    },
    { additionalProperties: false },
  ),
  example: {
    appealId: 'ap-rv-ord-20261105-0013',
    reviewId: 'rv-ord-20261105-0013',
    orderId: 'ord-20261105-0013',
    upheld: true,
    reviewRemoved: true,
    arbitratorId: 'plat-x03',
    explanation: 'The chat log shows a demand for money in exchange for removing the review.',
    decidedAt: '2026-11-23T15:00:00.000Z',
  },
});
export type MaliciousReviewAppealDecided = Static<typeof MaliciousReviewAppealDecidedEvent.schema>;

export const reviewAppealEvents = [MaliciousReviewAppealFiledEvent, MaliciousReviewAppealDecidedEvent] as const;
