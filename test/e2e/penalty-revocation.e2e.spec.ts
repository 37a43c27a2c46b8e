import { buyer, finance, platform, type HttpClient } from '../support/http-client';
import { disputeCommand, disputeEvents, openDispute } from '../support/disputes';
import { placeOrderBody } from '../support/orders';
import { paidOrder } from '../support/refunds';
import { useRestartableSystem, type RestartableSystem } from '../support/restartable-system';

// Kafka mode: five processes start for each test, and every ruling, revocation and lift crosses the broker.
jest.setTimeout(180_000);

const SHOP = 'shop-1';

/** A case on a delivered order of shop-1, escalated to the platform and ruled buyer_wins with the violation of its category. */
async function caseRuledAgainstShop(sys: RestartableSystem, category: 'not_as_described' | 'counterfeit'): Promise<string> {
  const { order } = await paidOrder(sys.api, 'delivered');
  const opened = await openDispute(sys.api, { orderId: order.id, category, description: `Case of ${category}.` });
  await disputeCommand(sys.api, opened.id, 'escalation', { to: 'platform', reason: 'The shop does not help' }, buyer);
  await disputeCommand(sys.api, opened.id, 'ruling', { outcome: 'buyer_wins', violation: category, reason: `The shop committed ${category}.` }, platform);
  await sys.settle();
  return opened.id;
}

/** The merchant appeals the ruling and the platform decides the appeal in the merchant's favour. */
async function appealWonByMerchant(sys: RestartableSystem, disputeId: string): Promise<void> {
  await disputeCommand(sys.api, disputeId, 'appeal', { reason: 'The listing said so; the buyer chose the colour.' });
  await disputeCommand(sys.api, disputeId, 'ruling', { outcome: 'merchant_wins', reason: 'On appeal: the goods were as described.' }, platform);
  await sys.settle();
}

const penaltyPoints = async (api: HttpClient) => {
  const answer = await api.get(`/shops/${SHOP}/penalty-points`);
  expect(answer.status).toBe(200);
  return answer.body;
};

describe('penalty points revoked when the ruling on appeal reverses the finding (HTTP)', () => {
  const sys = useRestartableSystem();

  it('given a shop hidden and warned at 12 points, when the merchant wins the appeal of the case that took it there, then its points are revoked and the restrictions lifted; rebuild equals live and the audit recomputes it', async () => {
    // given: three cases of not as described (9 points), then the case that reaches 12
    for (let n = 0; n < 3; n++) await caseRuledAgainstShop(sys, 'not_as_described');
    const disputeId = await caseRuledAgainstShop(sys, 'not_as_described');
    const at12 = await penaltyPoints(sys.api);
    expect(at12).toMatchObject({ points: 12, restrictions: [{ kind: 'hidden' }, { kind: 'warned' }] });
    const assessment = at12.violations.find((v: { disputeId?: string }) => v.disputeId === disputeId);

    // when: the merchant appeals and the ruling on appeal is merchant_wins
    await appealWonByMerchant(sys, disputeId);

    // then: 9 points, nothing in force, the assessment kept on the record marked revoked by the appeal ruling
    const appealRuling = (await disputeEvents(sys.api, disputeId)).filter((e) => e.type === 'DisputeRuled').at(-1);
    expect(appealRuling.data).toMatchObject({ outcome: 'merchant_wins', onAppeal: true });
    const after = await penaltyPoints(sys.api);
    expect(after).toMatchObject({ points: 9, restrictions: [] });
    expect(after.violations).toHaveLength(4);
    expect(after.violations.find((v: { id: string }) => v.id === assessment.id)).toEqual({
      ...assessment,
      revoked: { at: expect.any(String), rulingId: appealRuling.data.rulingId, basedOn: [appealRuling.eventId, ...assessment.basedOn] },
    });

    // then: the live projection equals its rebuild, and the audit recomputes four assessments and the revocation
    const rebuilt = await sys.api.post('/admin/projections/shop_penalty_points/rebuild', {});
    expect(rebuilt.status).toBe(200);
    expect(await penaltyPoints(sys.api)).toEqual(after);
    expect((await sys.api.post('/admin/audit/penalties/verify', {}, finance)).body).toMatchObject({ checked: 5, mismatches: [], sourcesNotInLog: 0 });
  });

  it('given a shop closed for a counterfeit (48 points), when the merchant wins the appeal, then the closure is lifted and its new orders are taken again', async () => {
    const disputeId = await caseRuledAgainstShop(sys, 'counterfeit');
    expect(await penaltyPoints(sys.api)).toMatchObject({ points: 48, restrictions: [{ kind: 'closed' }] });
    expect((await sys.api.post('/orders', placeOrderBody())).body).toMatchObject({ code: 'order.shop_closed' });

    await appealWonByMerchant(sys, disputeId);

    expect(await penaltyPoints(sys.api)).toMatchObject({ points: 0, restrictions: [] });
    expect((await sys.api.post('/orders', placeOrderBody())).status).toBe(201);
  });
});
