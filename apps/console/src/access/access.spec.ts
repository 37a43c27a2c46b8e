import type { Identity } from '../auth/session';
import { accessIndexOf, can } from './access';

const document = {
  paths: {
    '/refunds/{refundId}/approval': {
      post: { 'x-access': { rule: 'refund.approve_by_shop_staff', allow: { agent: 'shop', supervisor: 'shop', platform: 'any' } } },
    },
    '/refunds': { post: { 'x-access': { rule: 'refund.request_by_buyer', allow: { buyer: 'own' } } }, get: {} },
    '/health': { get: { summary: 'no x-access' } },
  },
};
const index = accessIndexOf(document);
const agent: Identity = { id: 'agent-1', role: 'agent', shopIds: ['shop-1'] };

describe('can', () => {
  it("given an agent of shop-1, when asked about approving a refund of shop-1, then it is offered; of shop-2, then not", () => {
    expect(can(index, agent, 'POST /refunds/{refundId}/approval', { shopId: 'shop-1' })).toBe(true);
    expect(can(index, agent, 'POST /refunds/{refundId}/approval', { shopId: 'shop-2' })).toBe(false);
  });

  it('given the shop is not known yet, when asked, then the role decides and the server checks the shop', () => {
    expect(can(index, agent, 'POST /refunds/{refundId}/approval')).toBe(true);
  });

  it('given a role the rule does not allow, when asked, then it is not offered', () => {
    expect(can(index, { id: 'finance-1', role: 'finance', shopIds: [] }, 'POST /refunds/{refundId}/approval')).toBe(false);
  });

  it("given a buyer's own rule, when asked for another buyer's resource, then it is not offered", () => {
    const buyer: Identity = { id: 'buyer-1', role: 'buyer', shopIds: [] };
    expect(can(index, buyer, 'POST /refunds', { buyerId: 'buyer-1' })).toBe(true);
    expect(can(index, buyer, 'POST /refunds', { buyerId: 'buyer-2' })).toBe(false);
  });

  it('given platform with any ownership, when asked about any shop, then it is offered', () => {
    expect(can(index, { id: 'p', role: 'platform', shopIds: [] }, 'POST /refunds/{refundId}/approval', { shopId: 'shop-9' })).toBe(true);
  });

  it('given an operation without x-access or unknown, or nobody signed in, when asked, then it is not offered', () => {
    expect(can(index, agent, 'GET /health')).toBe(false);
    expect(can(index, agent, 'DELETE /nothing')).toBe(false);
    expect(can(index, undefined, 'POST /refunds/{refundId}/approval')).toBe(false);
  });
});
