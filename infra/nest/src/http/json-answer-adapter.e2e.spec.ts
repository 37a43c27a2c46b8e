import { Controller, Get, HttpCode, Module, Post, Res, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { CommandResult } from '@aftersales/kernel';
import type { HttpResponseLike } from './http-types';
import { JsonAnswerExpressAdapter } from './json-answer-adapter';
import { commandResponse } from './responses';

const state = { id: 'w-1', name: 'Widget «一»', notes: [{ noteNo: 1, text: 'first' }] };
const result: CommandResult<typeof state> = { streamId: 'widget-w-1', revision: 2, state, eventIds: ['e-2'], events: [], replayed: false };

@Controller('widgets')
class WidgetsController {
  @Post()
  create(@Res({ passthrough: true }) res: HttpResponseLike) {
    return commandResponse(res, result, (s) => s, 201);
  }

  @Get()
  list() {
    return { items: [state] };
  }

  @Post('plain')
  @HttpCode(202)
  plain() {
    return { accepted: true };
  }
}

@Module({ controllers: [WidgetsController] })
class WidgetsModule {}

describe('JsonAnswerExpressAdapter', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await NestFactory.create(WidgetsModule, new JsonAnswerExpressAdapter(), { logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('given a command answered with a JsonAnswer, when posted, then its text with the status, ETag, JSON type and length', async () => {
    const response = await request(app.getHttpServer()).post('/widgets').send({});

    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(response.text)));
    expect(response.headers.etag).toBe('"2"');
    expect(response.body).toEqual({ ...state, revision: 2, eventIds: ['e-2'] });
  });

  it('given a request, when the server makes it, then it and its response already have the prototypes Express gives them', async () => {
    const express = app.getHttpAdapter().getInstance() as { request: object; response: object };
    const made: boolean[] = [];
    const server = app.getHttpServer() as { prependListener(event: 'request', listener: (req: object, res: object) => void): unknown };
    server.prependListener('request', (req, res) => made.push(Object.getPrototypeOf(req) === express.request, Object.getPrototypeOf(res) === express.response));

    const response = await request(app.getHttpServer()).get('/widgets');

    expect(response.status).toBe(200);
    expect(made).toEqual([true, true]);
  });

  it('given handlers answering plain objects, when called, then Express serializes them as before', async () => {
    const list = await request(app.getHttpServer()).get('/widgets');
    const plain = await request(app.getHttpServer()).post('/widgets/plain').send({});

    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [state] });
    expect(plain.status).toBe(202);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.body).toEqual({ accepted: true });
  });
});
