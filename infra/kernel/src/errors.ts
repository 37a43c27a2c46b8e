/**
 * Errors a decider or handler raises. The HTTP edge maps them to problem+json:
 * invalid → 400, not_found → 404, conflict → 409, rule → 422.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'rule';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `order.address_locked` or the rule id for `rule`. */
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Illegal transition: names the current status so the caller knows why. */
export const illegalTransition = (what: string, currentStatus: string, code = 'illegal_transition'): DomainError =>
  new DomainError('conflict', code, `${what} is not allowed while the status is ${currentStatus}`, { currentStatus });

export const ruleViolation = (ruleId: string, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('rule', ruleId, message, { rule: ruleId, ...details });

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('not_found', 'not_found', `${what} ${id} does not exist`, { id });

export const invalid = (message: string, fields: { field: string; message: string }[]): DomainError =>
  new DomainError('invalid', 'invalid_input', message, { fields });

/** The stream moved on since the caller read it (stale If-Match or an append race). */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevisionLike,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}
type ExpectedRevisionLike = number | 'no_stream' | 'any' | 'exists';

/** A command idempotency key was used before with a different request. */
export class IdempotencyKeyReuseError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used with a different request`);
    this.name = 'IdempotencyKeyReuseError';
  }
}
