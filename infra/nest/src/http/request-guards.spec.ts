import type { HttpRequestLike } from './http-types';
import { inOrder, methodNotAllowed, type Middleware } from './request-guards';

const request = (method: string, url: string): HttpRequestLike => ({ method, url, headers: {} });
const response = () => {
  const headers: Record<string, string> = {};
  return { headers, setHeader: (name: string, value: string) => (headers[name] = value) };
};
const route = (path: string, method: string) => ({ route: { path, methods: { [method]: true } as Record<string, boolean> } });
const express = () => ({
  router: { stack: [route('/orders/:orderId/notes', 'post'), route('/orders/:orderId/notes', 'get'), route('/orders/:orderId', 'get')] },
});

/** Runs a middleware and says what it passed on: nothing (`next()`), an error, or never called next. */
function run(middleware: Middleware, req: HttpRequestLike, res = response()): { called: boolean; error: unknown } {
  const outcome = { called: false, error: undefined as unknown };
  middleware(req, res, (error?: unknown) => Object.assign(outcome, { called: true, error }));
  return outcome;
}

describe('methodNotAllowed', () => {
  it('given a route serving the method, when requested, then the request goes on', () => {
    expect(run(methodNotAllowed(express), request('POST', '/orders/ord_1/notes?x=1'))).toEqual({ called: true, error: undefined });
  });

  it('given an unknown path, when requested, then it goes on to the 404', () => {
    expect(run(methodNotAllowed(express), request('DELETE', '/nowhere/at/all'))).toEqual({ called: true, error: undefined });
  });

  it('given a path served for other methods, when requested, then 405 with every method of the path in Allow', () => {
    const res = response();

    const outcome = run(methodNotAllowed(express), request('DELETE', '/orders/ord_1/notes'), res);

    expect(outcome.error).toMatchObject({ problem: { status: 405, allowed: ['GET', 'HEAD', 'POST'] } });
    expect(res.headers.Allow).toBe('GET, HEAD, POST');
  });

  it('given paths in another case or under a route starting with a parameter, when requested with another method, then 405', () => {
    const withParameterFirst = () => ({ router: { stack: [...express().router.stack, route('/:tenant/reports', 'get')] } });

    const upperCase = run(methodNotAllowed(express), request('PUT', '/ORDERS/ord_1/Notes'));
    const underKnownFirst = run(methodNotAllowed(withParameterFirst), request('POST', '/orders/reports'));
    const underUnknownFirst = run(methodNotAllowed(withParameterFirst), request('POST', '/acme/reports'));

    expect(
      [upperCase, underKnownFirst, underUnknownFirst].map((outcome) => (outcome.error as { problem?: { status: number } }).problem?.status),
    ).toEqual([405, 405, 405]);
  });
});

describe('inOrder', () => {
  it('given middlewares that all pass, when run, then each runs once in order and the request goes on', () => {
    const ran: string[] = [];
    const step =
      (name: string): Middleware =>
      (_req, _res, next) => (ran.push(name), next());

    const outcome = run(inOrder(step('first'), step('second')), request('POST', '/x'));

    expect(ran).toEqual(['first', 'second']);
    expect(outcome).toEqual({ called: true, error: undefined });
  });

  it('given a middleware that fails, when run, then the error goes on and the later ones do not run', () => {
    const ran: string[] = [];
    const failure = new Error('refused');

    const outcome = run(
      inOrder(
        (_req, _res, next) => next(failure),
        (_req, _res, next) => (ran.push('later'), next()),
      ),
      request('POST', '/x'),
    );

    expect(outcome).toEqual({ called: true, error: failure });
    expect(ran).toEqual([]);
  });
});
