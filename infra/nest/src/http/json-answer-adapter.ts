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
