import { setIdentity, type Identity } from '../auth/identity';
import { commandContextFrom, parseIfMatch, requestHashOf } from './command-context';
import type { HttpRequestLike } from './http-types';
import { ProblemException } from './problem';

const agent: Identity = { id: 'agent-7', role: 'agent', shopIds: ['shop-1'] };

/** A request as authentication leaves it: the verified caller set on it (`agent` unless given). */
const requestWith = (headers: Record<string, string>, body: unknown = {}, url = '/orders/o-1/payment', caller: Identity | null = agent): HttpRequestLike => {
  const req: HttpRequestLike = {
    method: 'POST',
    url,
    originalUrl: url,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    body,
    route: { path: '/orders/:orderId/payment' },
  };
  if (caller) setIdentity(req, caller);
  return req;
};
const actor = {};

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
};

describe('parseIfMatch', () => {
  it.each([
    ['12', 12],
    ['"12"', 12],
    ['W/"12"', 12],
    [' 4 ', 4],
  ])('given %s, when parsed, then revision %d', (header, revision) => {
    expect(parseIfMatch(header)).toBe(revision);
  });

  it.each([['abc'], ['"12'], ['W/12'], ['-1'], ['1.5'], ['"1", "2"']])('given %s, when parsed, then invalid', (header) => {
    expect(parseIfMatch(header)).toBe('invalid');
  });

  it('given no header or *, when parsed, then no expectation', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });
});

describe('commandContextFrom', () => {
  it('given a verified caller and no headers, when read, then the actor is the caller, a correlation id is made up and there is no command key', () => {
    const ctx = commandContextFrom(requestWith(actor));

    expect(ctx.actor).toEqual({ id: 'agent-7', role: 'agent' });
    expect(ctx.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ctx.causationId).toBeNull();
    expect(ctx.commandKey).toBeUndefined();
    expect(ctx.expectedRevision).toBeUndefined();
  });

  it('given X-Actor headers claiming someone else, when read, then the actor is still the verified caller', () => {
    const ctx = commandContextFrom(requestWith({ 'X-Actor-Id': 'sup-1', 'X-Actor-Role': 'supervisor' }));

    expect(ctx.actor).toEqual({ id: 'agent-7', role: 'agent' });
  });

  it('given no verified caller, when read, then 401', () => {
    const problem = problemOf(() => commandContextFrom(requestWith({ 'X-Actor-Id': 'sup-1', 'X-Actor-Role': 'supervisor' }, {}, undefined, null)));

    expect(problem.status).toBe(401);
  });

  it('given a bad If-Match and a bad Idempotency-Key, when read, then one 400 names both headers', () => {
    const problem = problemOf(() => commandContextFrom(requestWith({ 'If-Match': 'x', 'Idempotency-Key': 'has space' })));

    expect(problem.status).toBe(400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['If-Match', 'Idempotency-Key']);
  });

  it('given a required key that is missing, when read, then 400 names Idempotency-Key', () => {
    const problem = problemOf(() => commandContextFrom(requestWith(actor), { idempotencyRequired: true }));

    expect(problem.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
  });

  it('given an Idempotency-Key, when read, then the key is scoped by method, route pattern and actor', () => {
    const ctx = commandContextFrom(requestWith({ ...actor, 'Idempotency-Key': 'pay-1' }));

    expect(ctx.commandKey).toEqual({ key: 'POST /orders/:orderId/payment:agent-7:pay-1', requestHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('given an invalid traceparent, when read, then it is ignored', () => {
    expect(commandContextFrom(requestWith({ ...actor, traceparent: 'garbage' })).trace).toBeUndefined();
  });
});

describe('requestHashOf', () => {
  it('given the same body in another key order, when hashed, then equal; another body or url, then different', () => {
    const hash = requestHashOf(requestWith(actor, { amount: 100, paymentRef: 'p' }));

    expect(requestHashOf(requestWith(actor, { paymentRef: 'p', amount: 100 }))).toBe(hash);
    expect(requestHashOf(requestWith(actor, { paymentRef: 'p', amount: 101 }))).not.toBe(hash);
    expect(requestHashOf(requestWith(actor, { amount: 100, paymentRef: 'p' }, '/orders/o-2/payment'))).not.toBe(hash);
  });

  it('given no body, when hashed, then it is the same as an empty object', () => {
    expect(requestHashOf(requestWith(actor, undefined))).toBe(requestHashOf(requestWith(actor, {})));
  });
});
