import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { DomainError, IdempotencyKeyReuseError, WrongExpectedRevisionError, type DomainErrorKind } from '@aftersales/kernel';
import { problem, ProblemException, PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem';

interface ProblemResponse {
  headersSent?: boolean;
  status(code: number): this;
  setHeader(name: string, value: string): unknown;
  send(body: string): unknown;
}

const STATUS_OF_KIND: Record<DomainErrorKind, number> = { invalid: 400, not_found: 404, conflict: 409, rule: 422 };

const CODE_OF_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** Every error an HTTP request can end in, as application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // Bus handlers and other transports keep their own error semantics.
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const req = http.getRequest<{ originalUrl?: string; url?: string; method?: string }>();
    const res = http.getResponse<ProblemResponse>();
    const body = this.toProblem(exception, req);
    if (res.headersSent) return;
    res.status(body.status);
    res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    res.send(JSON.stringify(body));
  }

  toProblem(exception: unknown, req: { originalUrl?: string; url?: string; method?: string } = {}): ProblemDetails {
    const body = this.problemOf(exception, req);
    const instance = (req.originalUrl ?? req.url)?.split('?')[0];
    return instance && body.instance === undefined ? { ...body, instance } : body;
  }

  private problemOf(exception: unknown, req: { method?: string; originalUrl?: string; url?: string }): ProblemDetails {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof DomainError) return fromDomainError(exception);
    if (exception instanceof WrongExpectedRevisionError) {
      return problem(409, 'stale_revision', `The resource changed since revision ${String(exception.expected)}; read it again`, {
        expectedRevision: exception.expected,
        actualRevision: exception.actual,
      });
    }
    if (exception instanceof IdempotencyKeyReuseError) {
      return problem(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request', {
        rule: 'idempotency_key_reuse',
      });
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    const clientError = asExposedClientError(exception);
    if (clientError) return clientError;
    this.logger.error(
      `${req.method ?? '?'} ${req.originalUrl ?? req.url ?? '?'} failed`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    return problem(500, 'internal_error', 'An unexpected error occurred; it has been logged');
  }
}

function fromDomainError(error: DomainError): ProblemDetails {
  const status = STATUS_OF_KIND[error.kind];
  const { fields, ...details } = error.details;
  const extensions: Record<string, unknown> = { ...details };
  if (error.kind === 'invalid' && Array.isArray(fields)) extensions.errors = fields;
  if (error.kind === 'rule' && extensions.rule === undefined) extensions.rule = error.code;
  return problem(status, error.code, error.message, extensions);
}

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const response = exception.getResponse();
  let detail = exception.message;
  if (typeof response === 'string') detail = response;
  else if (response && typeof response === 'object') {
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) detail = message.map(String).join('; ');
    else if (typeof message === 'string') detail = message;
  }
  return problem(status, codeOfStatus(status), detail);
}

/** http-errors style errors (body-parser: malformed JSON, too large) that are safe to show. */
function asExposedClientError(exception: unknown): ProblemDetails | undefined {
  if (!exception || typeof exception !== 'object') return undefined;
  const { status, expose, message, type } = exception as { status?: unknown; expose?: unknown; message?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500 || expose !== true) return undefined;
  const code = type === 'entity.parse.failed' ? 'malformed_json' : codeOfStatus(status);
  return problem(status, code, typeof message === 'string' ? message : 'The request could not be read');
}

const codeOfStatus = (status: number): string => CODE_OF_STATUS[status] ?? (status >= 500 ? 'server_error' : `http_${status}`);
