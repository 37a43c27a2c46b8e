import { RefundEscalatedEvent, type EventEnvelope } from '@aftersales/contracts';
import { DomainError, type CommandContext } from '@aftersales/kernel';
import { inMemoryTestPlatform } from '@aftersales/kernel/testing';
import { createCaseService } from './case-service';
import { caseIdOf } from './intake.commands';

const buyerCtx: CommandContext = { actor: { id: 'buyer-1', role: 'buyer' } };
const orderEvent = (type: string, revision: number, data: Record<string, unknown>): EventEnvelope =>
  ({ type, revision, position: revision + 1, eventId: `ord-evt-${revision}`, streamId: 'order-ord-1', data: { orderId: 'ord-1', ...data } }) as unknown as EventEnvelope;

async function caseServiceWithPaidOrder() {
  const env = inMemoryTestPlatform();
  // The in-memory platform projects on settle: commands do not wait for the read model here.
  const cases = createCaseService(env.platform, { log: () => undefined, orderFeedLag: async () => 0, waitOptions: { timeoutMs: 0 } });
  env.attach(cases.runtime);
  await cases.onOrderEvent(orderEvent('OrderPlaced', 0, { shopId: 'shop-1', buyerId: 'buyer-1', currency: 'CNY' }));
  await cases.onOrderEvent(orderEvent('OrderPaid', 1, { amount: 101_000 }));
  return { env, cases };
}

const complaint = { orderId: 'ord-1', category: 'not_as_described', description: 'Wrong colour.' } as const;

describe('intake: one open case per order and category', () => {
  it('given two complaints of the same category at once, then exactly one opens and the other is refused naming the rule', async () => {
    const { cases } = await caseServiceWithPaidOrder();
    const outcomes = await Promise.allSettled([cases.openDispute(complaint, buyerCtx), cases.openDispute(complaint, buyerCtx)]);

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect((refused.reason as DomainError).code).toBe('dispute.open_case_exists');
  });

  it('given a case opened with the order facts, then it cites the order events it rests on; the same Idempotency-Key replays it', async () => {
    const { cases } = await caseServiceWithPaidOrder();
    const ctx = { ...buyerCtx, commandKey: { key: 'k-1', requestHash: 'h-1' } };
    const first = await cases.openDispute(complaint, ctx);
    const replay = await cases.openDispute(complaint, ctx);

    expect(first.streamId).toBe(`dispute-${caseIdOf('ord-1', 'not_as_described', 1)}`);
    expect(first.events[1].data).toMatchObject({ metric: 'first_response', basedOn: ['ord-evt-0', 'ord-evt-1'] });
    expect(replay).toMatchObject({ replayed: true, eventIds: first.eventIds });
  });

  it('given the first case of the category closed, then a new complaint opens the next case', async () => {
    const { cases, env } = await caseServiceWithPaidOrder();
    const first = await cases.openDispute(complaint, buyerCtx);
    const disputeId = first.state!.id;
    await cases.postMessage(disputeId, { text: 'Please wait', awaitingReply: true }, { actor: { id: 'agent-1', role: 'agent' } });
    await env.advance(8 * 24 * 3_600_000);
    expect((await cases.getCase(disputeId))?.status).toBe('closed');

    const second = await cases.openDispute(complaint, buyerCtx);
    expect(second.state!.id).toBe(caseIdOf('ord-1', 'not_as_described', 2));
  });

  it('given a refund escalation opened a case under its own id, when the buyer complains in the same category, then 409 naming the rule', async () => {
    const { cases, env } = await caseServiceWithPaidOrder();
    const escalated = { ...RefundEscalatedEvent.example, orderId: 'ord-1', shopId: 'shop-1', buyerId: 'buyer-1', reason: 'not_as_described' };
    const escalation = { type: 'RefundEscalated', revision: 3, position: 10, eventId: 'rf-evt-3', streamId: `refund-${escalated.refundId}`, data: escalated };
    await cases.onRefundEvent(escalation as unknown as EventEnvelope);
    await env.settle();

    const refused = await cases.openDispute(complaint, buyerCtx).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('dispute.open_case_exists');
    expect((refused as DomainError).message).toContain(escalated.disputeId);
  });
});
