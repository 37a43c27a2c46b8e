/**
 * The API answers every error as application/problem+json (RFC 9457 plus our members: `code`, `rule`, `errors`,
 * `currentStatus` …). The console shows it in words: the title, the detail, the rule it names, one line per bad field.
 */

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  rule?: string;
  errors?: FieldError[];
  currentStatus?: string;
  [extension: string]: unknown;
}

export function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate.title === 'string' && typeof candidate.status === 'number';
}

/** A problem made on this side for an answer that was not one (a proxy's HTML 502, a dropped connection). */
export function problemOfAnswer(status: number, statusText: string, text?: string): Problem {
  return {
    title: statusText || (status === 0 ? 'No answer' : `HTTP ${status}`),
    status,
    code: status === 0 ? 'network' : 'unexpected_answer',
    detail: text?.slice(0, 300),
  };
}

export interface ProblemInWords {
  /** `409 Conflict` */
  headline: string;
  detail?: string;
  rule?: string;
  /** `/items/0/quantity: must be >= 1`, one per bad field or parameter. */
  fields: string[];
  /** The resource's status when the problem says it (`currentStatus` of a 409). */
  currentStatus?: string;
}

/** A pointer reads better without its leading slash; the root pointer is the body itself. */
const fieldName = (field: string): string => (field === '/' || field === '' ? '(body)' : field.replace(/^\//, ''));

export function problemInWords(problem: Problem): ProblemInWords {
  return {
    headline: problem.status > 0 ? `${problem.status} ${problem.title}` : problem.title,
    detail: problem.detail || undefined,
    rule: typeof problem.rule === 'string' ? problem.rule : undefined,
    fields: (problem.errors ?? []).map((error) => `${fieldName(error.field)}: ${error.message}`),
    currentStatus: typeof problem.currentStatus === 'string' ? problem.currentStatus : undefined,
  };
}
