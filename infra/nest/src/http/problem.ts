import { HttpException } from '@nestjs/common';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://aftersales.dev/problems/';

/** One bad input: a JSON pointer into the body or query (`/items/0/quantity`), or a header name. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details plus our extension members (`code`, `errors`, `currentStatus`, `rule`, …). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const problemTypeOf = (code: string): string => `${PROBLEM_TYPE_BASE}${encodeURIComponent(code)}`;

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Business rule violated',
  431: 'Request header fields too large',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export const titleOf = (status: number): string => TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request failed');

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code']);

/** Builds a problem; extension members never overwrite the standard ones. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extensions: Record<string, unknown> = {},
  title = titleOf(status),
): ProblemDetails {
  const body: ProblemDetails = { type: problemTypeOf(code), title, status, detail, code };
  for (const [key, value] of Object.entries(extensions)) {
    if (!RESERVED.has(key) && value !== undefined) body[key] = value;
  }
  return body;
}

/** An HttpException whose response already is a problem document; the filter sends it as is. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }
}

export const badRequest = (detail: string, errors: FieldError[], code = 'invalid_input'): ProblemException =>
  new ProblemException(problem(400, code, detail, { errors }));
