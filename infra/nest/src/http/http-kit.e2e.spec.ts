import { Controller, Get, INestApplication, Module, Param, Post, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Type, type Static } from '@sinclair/typebox';
import { connect } from 'node:net';
import request from 'supertest';
import {
  IdempotencyKeyReuseError,
  WrongExpectedRevisionError,
  illegalTransition,
  ruleViolation,
  type CommandContext,
  type CommandResult,
} from '@aftersales/kernel';
import { ApiCommand, ApiRead, CommandCtx, commandResponse, registerHttpKit, resourceResponse, ValidBody, ValidQuery } from '.';
import type { HttpResponseLike } from './http-types';
import { AccessControlled, PUBLIC, type AccessTable } from '../auth/access-table';

/** The kit's own conventions are under test here, not authorisation: every widget route is open. */
const WIDGETS_ACCESS: AccessTable = {
  capability: 'widgets',
  operations: Object.fromEntries(['create', 'ship', 'note', 'refund', 'rename', 'explode', 'get', 'list'].map((m) => [m, { rule: 'widgets.open', allow: PUBLIC }])),
};
import { localHeadersAuthenticator } from '../auth';

const CreateWidgetSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    currency: Type.Optional(Type.String({ default: 'CNY' })),
    items: Type.Array(
      Type.Object({ sku: Type.String({ minLength: 1 }), quantity: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);
type CreateWidget = Static<typeof CreateWidgetSchema>;
const AnyObjectSchema = Type.Record(Type.String(), Type.Unknown());
const WidgetView = Type.Object({ id: Type.String(), name: Type.String(), currency: Type.String() });
const ListQuerySchema = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), status: Type.Optional(Type.String()) });

interface Widget {
  id: string;
  name: string;
  currency: string;
  revision: number;
}

/** Stands in for a service: remembers each command's context and replays command keys like the kernel does. */
class FakeWidgetService {
  readonly contexts: CommandContext[] = [];
  readonly widgets = new Map<string, Widget>();
  private readonly keys = new Map<string, { requestHash: string; result: CommandResult<Widget> }>();

  create(body: CreateWidget, ctx: CommandContext): CommandResult<Widget> {
    this.contexts.push(ctx);
    const previous = ctx.commandKey && this.keys.get(ctx.commandKey.key);
    if (previous && ctx.commandKey) {
      if (previous.requestHash !== ctx.commandKey.requestHash) throw new IdempotencyKeyReuseError(ctx.commandKey.key);
      return { ...previous.result, replayed: true };
    }
    const widget: Widget = { id: `w${this.widgets.size + 1}`, name: body.name, currency: body.currency ?? '?', revision: 0 };
    this.widgets.set(widget.id, widget);
    const result: CommandResult<Widget> = {
      streamId: `widget-${widget.id}`,
      revision: 0,
      state: widget,
      eventIds: [`event-of-${widget.id}`],
      events: [],
      replayed: false,
    };
    if (ctx.commandKey) this.keys.set(ctx.commandKey.key, { requestHash: ctx.commandKey.requestHash, result });
    return result;
  }
}

const service = new FakeWidgetService();
const viewOf = (w: Widget) => ({ id: w.id, name: w.name, currency: w.currency });

@Controller('widgets')
@AccessControlled(WIDGETS_ACCESS)
class WidgetsController {
  @Post()
  @ApiCommand({ summary: 'Create a widget', status: 201, response: WidgetView })
  create(@ValidBody(CreateWidgetSchema) body: CreateWidget, @CommandCtx() ctx: CommandContext, @Res({ passthrough: true }) res: HttpResponseLike) {
    return commandResponse(res, service.create(body, ctx), viewOf, 201);
  }

  @Post(':id/shipment')
  @ApiCommand({ summary: 'Ship' })
  ship(@CommandCtx() ctx: CommandContext) {
    service.contexts.push(ctx);
    throw illegalTransition('Shipping', 'closed');
  }

  @Post(':id/note')
  @ApiCommand({ summary: 'Note anything' })
  note(@ValidBody(AnyObjectSchema) _body: Static<typeof AnyObjectSchema>, @CommandCtx() ctx: CommandContext) {
    service.contexts.push(ctx);
    return { noted: true };
  }

  @Post(':id/refund')
  @ApiCommand({ summary: 'Refund', idempotencyRequired: true })
  refund(@CommandCtx() ctx: CommandContext) {
    service.contexts.push(ctx);
    throw ruleViolation('refund.no_reason_7d_window', 'The 7-day no-reason window closed on 2024-01-08');
  }

  @Post(':id/rename')
  @ApiCommand({ summary: 'Rename' })
  rename(@Param('id') id: string, @CommandCtx() ctx: CommandContext) {
    throw new WrongExpectedRevisionError(`widget-${id}`, ctx.expectedRevision ?? 'any', 7);
  }

  @Post(':id/explode')
  @ApiCommand({ summary: 'Fails unexpectedly' })
  explode(): never {
    throw new Error('database password is hunter2');
  }

  @Get(':id')
  @ApiRead({ summary: 'One widget', response: WidgetView })
  get(@Param('id') id: string, @Res({ passthrough: true }) res: HttpResponseLike) {
    return resourceResponse(res, service.widgets.get(id), 'Widget', id);
  }

  @Get()
  list(@ValidQuery(ListQuerySchema) query: Static<typeof ListQuerySchema>) {
    return { query };
  }
}

@Module({ controllers: [WidgetsController] })
class WidgetsModule {}

const actor = { 'X-Actor-Id': 'buyer-1', 'X-Actor-Role': 'buyer' };
const validWidget = { name: 'lamp', items: [{ sku: 'L-1', quantity: 2 }] };

describe('HTTP kit through a Nest app', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await NestFactory.create(WidgetsModule, { logger: false });
    registerHttpKit(app, { title: 'Widgets', version: '1.0.0', jsonBodyLimit: '2kb', authenticator: localHeadersAuthenticator() });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => {
    service.contexts.length = 0;
  });

  /** Every request names a caller (headers mode); a test that needs none uses request(app.getHttpServer()). */
  const http = () => request.agent(app.getHttpServer()).set(actor);

  describe('body validation', () => {
    it('given a body with bad fields, when posted, then 400 problem+json lists one entry per bad field', async () => {
      const res = await http()
        .post('/widgets')
        .set(actor)
        .send({ name: '', items: [{ sku: 'A', quantity: 0 }, { quantity: 1, colour: 'red' }], extra: 1 });

      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'https://aftersales.dev/problems/invalid_input', status: 400, title: expect.any(String) });
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['/extra', '/items/0/quantity', '/items/1/colour', '/items/1/sku', '/name']);
      expect(service.contexts).toHaveLength(0);
    });

    it('given a valid body without optional fields, when posted, then defaults are applied and 201 carries revision, eventIds and ETag', async () => {
      const res = await http().post('/widgets').set(actor).send(validWidget);

      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"0"');
      expect(res.body).toMatchObject({ name: 'lamp', currency: 'CNY', revision: 0, eventIds: [expect.stringMatching(/^event-of-/)] });
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    });

    it('given malformed JSON, when posted, then 400 problem+json', async () => {
      const res = await http().post('/widgets').set(actor).set('Content-Type', 'application/json').send('{"name": ');

      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.status).toBe(400);
    });

    it('given a body over the limit, when posted, then 413 problem+json', async () => {
      const res = await http().post('/widgets').set(actor).send({ ...validWidget, name: 'x'.repeat(5_000) });

      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('query validation', () => {
    it('given numeric query strings, when listed, then they arrive as numbers', async () => {
      const res = await http().get('/widgets?limit=5&status=open');

      expect(res.status).toBe(200);
      expect(res.body.query).toEqual({ limit: 5, status: 'open' });
    });

    it('given a non-numeric limit, when listed, then 400 names the field', async () => {
      const res = await http().get('/widgets?limit=lots');

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: '/limit', message: expect.any(String) }]);
    });
  });

  describe('errors', () => {
    it('given an unknown route, when called, then 404 problem+json', async () => {
      const res = await http().get('/nowhere');

      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, type: 'https://aftersales.dev/problems/not_found', instance: '/nowhere' });
    });

    it('given an unknown resource, when read, then 404 problem naming it', async () => {
      const res = await http().get('/widgets/nope');

      expect(res.status).toBe(404);
      expect(res.body.detail).toContain('Widget nope');
    });

    it('given an existing resource, when read, then its ETag is its revision', async () => {
      const created = await http().post('/widgets').set(actor).send(validWidget);
      const res = await http().get(`/widgets/${created.body.id}`);

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"0"');
    });

    it('given an illegal transition, when commanded, then 409 says the current status', async () => {
      const res = await http().post('/widgets/w1/shipment').set(actor).send({});

      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 409, currentStatus: 'closed', type: 'https://aftersales.dev/problems/illegal_transition' });
    });

    it('given a business rule refusal, when commanded, then 422 names the rule', async () => {
      const res = await http().post('/widgets/w1/refund').set(actor).set('Idempotency-Key', 'r-1').send({});

      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ status: 422, rule: 'refund.no_reason_7d_window', detail: expect.stringContaining('7-day') });
    });

    it('given a stale If-Match, when commanded, then 409 with expected and actual revision', async () => {
      const res = await http().post('/widgets/w1/rename').set(actor).set('If-Match', 'W/"3"').send({});

      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'stale_revision', expectedRevision: 3, actualRevision: 7 });
    });

    it('given an unexpected failure, when commanded, then 500 problem without internals', async () => {
      const res = await http().post('/widgets/w1/explode').set(actor).send({});

      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(res.body)).not.toContain('hunter2');
      expect(res.body).not.toHaveProperty('stack');
    });
  });

  describe('command headers', () => {
    it('given no caller, when commanded, then 401 problem with WWW-Authenticate and nothing runs', async () => {
      const res = await request(app.getHttpServer()).post('/widgets').send(validWidget);

      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(service.contexts).toHaveLength(0);
    });

    it('given an unknown role, when commanded, then 401 and nothing runs', async () => {
      const res = await request(app.getHttpServer()).post('/widgets').set({ ...actor, 'X-Actor-Role': 'king' }).send(validWidget);

      expect(res.status).toBe(401);
      expect(service.contexts).toHaveLength(0);
    });

    it('given a caller, when commanded, then the command acts as the verified caller', async () => {
      await http().post('/widgets').set({ 'X-Actor-Id': 'agent-7', 'X-Actor-Role': 'agent' }).send(validWidget);

      expect(service.contexts[0]?.actor).toEqual({ id: 'agent-7', role: 'agent' });
    });

    it.each([
      ['3', 3],
      ['"3"', 3],
      ['W/"3"', 3],
      ['0', 0],
    ])('given If-Match %s, when commanded, then the expected revision is %d', async (header, expected) => {
      await http().post('/widgets/w1/shipment').set(actor).set('If-Match', header).send({});

      expect(service.contexts[0].expectedRevision).toBe(expected);
    });

    it('given a non-numeric If-Match, when commanded, then 400 names If-Match', async () => {
      const res = await http().post('/widgets/w1/shipment').set(actor).set('If-Match', '"abc"').send({});

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
      expect(service.contexts).toHaveLength(0);
    });

    it('given actor, correlation and trace headers, when commanded, then the context carries them', async () => {
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      await http().post('/widgets/w1/shipment').set(actor).set('X-Correlation-Id', 'corr-1').set('traceparent', traceparent).send({});

      expect(service.contexts[0]).toMatchObject({
        actor: { id: 'buyer-1', role: 'buyer' },
        correlationId: 'corr-1',
        causationId: null,
        trace: { traceparent },
      });
      expect(service.contexts[0].commandKey).toBeUndefined();
    });

    it('given no correlation id, when commanded, then a new one is made and echoed in the response', async () => {
      const res = await http().post('/widgets').set(actor).send(validWidget);

      expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['x-correlation-id']).toBe(service.contexts[0].correlationId);
    });

    it('given a money-moving command without Idempotency-Key, when commanded, then 400 names the header', async () => {
      const res = await http().post('/widgets/w1/refund').set(actor).send({});

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
      expect(service.contexts).toHaveLength(0);
    });
  });

  describe('Idempotency-Key', () => {
    it('given an Idempotency-Key, when commanded, then the command key is scoped by method, route pattern and actor', async () => {
      await http().post('/widgets/w9/shipment').set(actor).set('Idempotency-Key', 'k-1').send({});

      expect(service.contexts[0].commandKey?.key).toBe('POST /widgets/:id/shipment:buyer-1:k-1');
      expect(service.contexts[0].commandKey?.requestHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('given the same body with keys in another order, when sent twice, then the request hashes are equal', async () => {
      await http().post('/widgets/w9/note').set(actor).set('Idempotency-Key', 'k-2').send({ a: 1, b: { c: 2, d: 3 } });
      await http().post('/widgets/w9/note').set(actor).set('Idempotency-Key', 'k-2').send({ b: { d: 3, c: 2 }, a: 1 });

      expect(service.contexts[0].commandKey?.requestHash).toBe(service.contexts[1].commandKey?.requestHash);
    });

    it('given another body or another resource, when sent, then the request hash differs', async () => {
      await http().post('/widgets/w9/note').set(actor).set('Idempotency-Key', 'k-3').send({ a: 1 });
      await http().post('/widgets/w9/note').set(actor).set('Idempotency-Key', 'k-3').send({ a: 2 });
      await http().post('/widgets/w8/note').set(actor).set('Idempotency-Key', 'k-3').send({ a: 1 });

      const [first, otherBody, otherResource] = service.contexts.map((c) => c.commandKey?.requestHash);
      expect(otherBody).not.toBe(first);
      expect(otherResource).not.toBe(first);
    });

    it('given a replayed key with the same body, when sent again, then the first status and body come back marked as replayed', async () => {
      const first = await http().post('/widgets').set(actor).set('Idempotency-Key', 'create-1').send(validWidget);
      const again = await http().post('/widgets').set(actor).set('Idempotency-Key', 'create-1').send(validWidget);

      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(again.headers.etag).toBe(first.headers.etag);
    });

    it('given a reused key with another body, when sent, then 422', async () => {
      await http().post('/widgets').set(actor).set('Idempotency-Key', 'create-2').send(validWidget);
      const res = await http().post('/widgets').set(actor).set('Idempotency-Key', 'create-2').send({ ...validWidget, name: 'chair' });

      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'idempotency_key_reused' });
    });
  });

  describe('malformed requests at the edge', () => {
    const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

    it('given a JSON body nested 900 deep (within the size limit), when posted, then 400 problem+json names the depth limit and nothing runs', async () => {
      const res = await http().post('/widgets').set(actor).set('Content-Type', 'application/json').send(`${'['.repeat(900)}${']'.repeat(900)}`);

      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'json_too_deep', maxDepth: 32 });
      expect(service.contexts).toHaveLength(0);
    });

    it('given a body exactly at the depth limit, when posted, then it reaches validation (400 invalid_input, not json_too_deep)', async () => {
      const res = await http().post('/widgets').set(actor).set('Content-Type', 'application/json').send(deepJson(31));

      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid_input');
    });

    it('given a body that is not JSON, when posted, then 415 problem+json', async () => {
      const res = await http().post('/widgets').set(actor).set('Content-Type', 'text/plain').send('name=lamp');

      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'unsupported_media_type', accepted: ['application/json'] });
    });

    it('given a form-encoded body on a body-less command, when posted, then 415 and nothing runs', async () => {
      const res = await http().post('/widgets/w1/shipment').set(actor).type('form').send('a=1');

      expect(res.status).toBe(415);
      expect(service.contexts).toHaveLength(0);
    });

    it('given a JSON body on a body-less command, when posted, then 400 unexpected_body and nothing runs', async () => {
      const res = await http().post('/widgets/w1/shipment').set(actor).send({ anything: 1 });

      expect(res.status).toBe(400);
      expect(res.body.code).toBe('unexpected_body');
      expect(service.contexts).toHaveLength(0);
    });

    it('given {} or no body on a body-less command, when posted, then the command runs', async () => {
      expect((await http().post('/widgets/w1/shipment').set(actor).send({})).status).toBe(409);
      expect((await http().post('/widgets/w1/shipment').set(actor)).status).toBe(409);
      expect(service.contexts).toHaveLength(2);
    });

    it('given a method the path does not serve, when called, then 405 problem+json with Allow', async () => {
      const trace = await http().trace('/widgets');
      const del = await http().delete('/widgets/w1/shipment');

      expect(trace.status).toBe(405);
      expect(trace.headers.allow).toBe('GET, HEAD, POST');
      expect(trace.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(del.status).toBe(405);
      expect(del.headers.allow).toBe('POST');
    });

    it('given a path with a trailing slash, when called with a method it does not serve, then 405 names the same methods', async () => {
      const del = await http().delete('/widgets/w1/shipment/');
      const unknown = await http().delete('/widgets/w1/shipment/extra');

      expect(del.status).toBe(405);
      expect(del.headers.allow).toBe('POST');
      expect(unknown.status).toBe(404);
    });

    it('given a boolean where the query asks for a number, when listed, then 400 names the parameter', async () => {
      const res = await http().get('/widgets?limit=true');

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: '/limit', message: expect.any(String) }]);
    });

    it('given a header with a control byte, when sent, then Node cannot read it and the answer is still 400 problem+json', async () => {
      const server = app.getHttpServer() as import('node:http').Server;
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('GET /widgets HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });

      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
      expect(raw).toMatch(/Content-Type: application\/problem\+json/i);
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, code: 'unreadable_request' });
    });
  });

  describe('OpenAPI', () => {
    it('given the app, when /openapi.json is read, then it is OpenAPI 3.1 and every operation lists the problems the edge answers', async () => {
      const doc = (await http().get('/openapi.json')).body;

      expect(doc.openapi).toBe('3.1.0');
      const statuses = (path: string, method: string) => Object.keys(doc.paths[path][method].responses);
      expect(statuses('/widgets', 'post')).toEqual(expect.arrayContaining(['201', '400', '403', '404', '409', '413', '415', '422']));
      expect(statuses('/widgets/{id}/shipment', 'post')).toEqual(expect.arrayContaining(['400', '403', '413', '415']));
      expect(statuses('/widgets', 'get')).toEqual(expect.arrayContaining(['200', '400']));
      expect(doc.paths['/widgets/{id}/shipment'].post.requestBody).toBeUndefined();
      expect(doc.paths['/widgets'].post.responses['415'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    });


    it('given the app, when /openapi.json is read, then it documents the command with its body schema, headers and problems', async () => {
      const res = await http().get('/openapi.json');

      expect(res.status).toBe(200);
      const create = res.body.paths['/widgets'].post;
      const body = create.requestBody.content['application/json'].schema;
      expect(body.required).toEqual(['name', 'items']);
      expect(body.properties.items.items.properties.quantity).toMatchObject({ type: 'integer', minimum: 1 });
      expect(create.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Idempotency-Key', 'If-Match']));
      expect(create.parameters.map((p: { name: string }) => p.name)).not.toContain('X-Actor-Id');
      expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '409', '422']));
      expect(res.body.security).toEqual([{ bearer: [] }]);
      expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
      expect(create.responses['201'].content['application/json'].schema.properties).toHaveProperty('eventIds');
      const refundKey = res.body.paths['/widgets/{id}/refund'].post.parameters.find((p: { name: string }) => p.name === 'Idempotency-Key');
      expect(refundKey.required).toBe(true);
      expect(res.body.paths['/widgets'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['limit', 'status']);
    });

    it('given the app, when /docs is opened, then an HTML page is served', async () => {
      const res = await http().get('/docs');

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    });
  });
});
