import 'reflect-metadata';
import { Controller, Get, type INestApplication, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { registerHttpKit } from '../http/register-http-kit';
import { AccessControlled, type AccessTable } from './access-table';
import { localHeadersAuthenticator } from './authenticator';

const WIDGET_OWNERS: Record<string, { buyerId: string; shopId: string }> = { w1: { buyerId: 'buyer-1', shopId: 'shop-1' } };
const WIDGETS = Symbol('widgets');

const ACCESS: AccessTable = {
  capability: 'widgets',
  owners: { token: WIDGETS, kinds: { widget: async (_facade, id) => WIDGET_OWNERS[id] } },
  operations: {
    read: { rule: 'widget.read', allow: { buyer: 'own', agent: 'shop', platform: 'any' }, resource: { kind: 'widget', param: 'id' } },
    polish: { rule: 'widget.polish_by_buyer', allow: { buyer: 'own', agent: 'own' }, resource: { kind: 'widget', param: 'id' } },
    approve: { rule: 'widget.approve_by_shop_staff', allow: { agent: 'shop' }, resource: { kind: 'widget', param: 'id' } },
  },
};

@Controller('widgets')
@AccessControlled(ACCESS)
class WidgetsController {
  @Get(':id')
  read(@Param('id') id: string) {
    return { id };
  }

  @Post(':id/polish')
  polish(@Param('id') id: string) {
    return { id, polished: true };
  }

  @Post(':id/approval')
  approve(@Param('id') id: string) {
    return { id, approved: true };
  }

  /** Not in the table: refused. */
  @Post(':id/melt')
  melt(@Param('id') id: string) {
    return { id, melted: true };
  }
}

@Module({ controllers: [WidgetsController], providers: [{ provide: WIDGETS, useValue: {} }] })
class WidgetsModule {}

const as = (id: string, role: string, shops?: string) => ({ 'x-actor-id': id, 'x-actor-role': role, ...(shops ? { 'x-actor-shops': shops } : {}) });
const buyer1 = as('buyer-1', 'buyer');
const buyer2 = as('buyer-2', 'buyer');
const agentOfShop1 = as('agent-1', 'agent', 'shop-1');
const agentOfShop2 = as('agent-2', 'agent', 'shop-2');

describe('AccessGuard: the access tables at the edge', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await NestFactory.create(WidgetsModule, { logger: false });
    registerHttpKit(app, { title: 'Widgets', version: '1', authenticator: localHeadersAuthenticator() });
    await app.init();
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());

  it('given a route its table does not list, then 403 access.no_rule, whoever asks', async () => {
    const res = await http().post('/widgets/w1/melt').set(buyer1);
    expect(res.status).toBe(403);
    expect(res.body.rule).toBe('access.no_rule');
  });

  it('given no caller, then authentication answers 401 before any access rule is consulted', async () => {
    const res = await http().get('/widgets/w1');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('missing_credentials');
  });

  it('given the owner, the shop staff or the platform, then they read it', async () => {
    const statuses = [await http().get('/widgets/w1').set(buyer1), await http().get('/widgets/w1').set(agentOfShop1), await http().get('/widgets/w1').set(as('x', 'platform'))];
    expect(statuses.map((res) => res.status)).toEqual([200, 200, 200]);
  });

  it('given another buyer or the staff of another shop, then 404 as for an unknown widget', async () => {
    const other = await http().get('/widgets/w1').set(buyer2);
    const otherShop = await http().post('/widgets/w1/approval').set(agentOfShop2);
    expect([other.status, otherShop.status]).toEqual([404, 404]);
    expect(other.body.code).toBe('not_found');
  });

  it('given a role the rule does not allow, then 403 naming the rule and the roles that may', async () => {
    const res = await http().post('/widgets/w1/approval').set(buyer1);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ rule: 'widget.approve_by_shop_staff', allowedRoles: ['agent'] });
  });

  it('given shop staff who see the widget but the rule asks for its buyer, then 403 naming the ownership rule', async () => {
    const res = await http().post('/widgets/w1/polish').set(agentOfShop1);
    expect(res.status).toBe(403);
    expect(res.body.rule).toBe('widget.buyer_own');
  });

  it('given an unknown id, then the handler answers it (here 200; a real one 404s)', async () => {
    const res = await http().get('/widgets/w404').set(buyer1);
    expect(res.status).toBe(200);
  });
});
