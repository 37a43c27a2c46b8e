import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { JsonAnswer } from './json-answer';

interface ReplyResponse {
  statusCode?: number;
  status(code: number): unknown;
  hasHeader(name: string): boolean;
  setHeader(name: string, value: string): unknown;
  end(text: string): unknown;
}

/**
 * Nest's Express adapter, which writes a JsonAnswer's text as it is: one `end()` (Node adds Content-Length) instead
 * of Express' res.json (a second JSON.stringify) and res.send (Content-Type parsed and rebuilt, the text copied into
 * a Buffer, freshness checked). Every other body goes the usual way. Command answers are POST/PUT responses, which
 * Express' conditional-GET and HEAD handling never applies to.
 */
export class JsonAnswerExpressAdapter extends ExpressAdapter {
  /**
   * The HTTP server, making requests and responses with Express' prototypes from the start. Express gives every
   * request and response its own prototype (`Object.setPrototypeOf`) as it takes them, which leaves V8 slow paths
   * for every property they gain afterwards, in Express, Nest, Node's HTTP code and ours; already in place, the swap
   * changes nothing. HTTPS and tracked connections stay Nest's own.
   */
  override initHttpServer(options: NestApplicationOptions): void {
    if (options?.httpsOptions || options?.forceCloseConnections) return super.initHttpServer(options);
    const express = this.getInstance() as { request: object; response: object };
    this.httpServer = createServer(
      { IncomingMessage: madeWith(IncomingMessage, express.request), ServerResponse: madeWith(ServerResponse, express.response) },
      express as unknown as Parameters<typeof createServer>[1],
    ) as Server;
  }

  /** The status Nest sets before every handler: no store when the response has it already (Node's default 200). */
  override status(response: ReplyResponse, statusCode: number): unknown {
    return response.statusCode === statusCode ? response : super.status(response, statusCode);
  }

  override reply(response: ReplyResponse, body: unknown, statusCode?: number): unknown {
    if (!(body instanceof JsonAnswer)) return super.reply(response, body, statusCode);
    if (statusCode && response.statusCode !== statusCode) response.status(statusCode); // set before the handler, usually
    if (!response.hasHeader('Content-Type')) response.setHeader('Content-Type', 'application/json; charset=utf-8');
    return response.end(body.text);
  }
}

/** A constructor of Node's `base` whose instances have `prototype` (an object whose chain reaches `base.prototype`). */
function madeWith<T extends typeof IncomingMessage | typeof ServerResponse>(base: T, prototype: object): T {
  function Made(this: unknown, ...args: unknown[]): void {
    (base as unknown as (...a: unknown[]) => void).apply(this, args);
  }
  Made.prototype = prototype;
  return Made as unknown as T;
}
