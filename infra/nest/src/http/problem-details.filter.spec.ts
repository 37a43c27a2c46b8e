import { BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { DomainError, IdempotencyKeyReuseError, WrongExpectedRevisionError, illegalTransition, invalid, notFound, ruleViolation } from '@aftersales/kernel';
import { ProblemDetailsFilter } from './problem-details.filter';

const filter = new ProblemDetailsFilter();
const req = { method: 'POST', originalUrl: '/orders/o-1/address?x=1' };

describe('ProblemDetailsFilter.toProblem', () => {
  it.each([
    [invalid('bad', [{ field: '/amount', message: 'must equal the total' }]), 400],
    [notFound('Order', 'o-1'), 404],
    [illegalTransition('Changing the address', 'shipped'), 409],
    [ruleViolation('refund.window', 'too late'), 422],
  ])('given a DomainError, when mapped, then its kind decides the status', (error, status) => {
    expect(filter.toProblem(error, req)).toMatchObject({ status, type: `https://aftersales.dev/problems/${error.code}`, detail: error.message });
  });

  it('given an invalid DomainError, when mapped, then its fields become errors', () => {
    const problem = filter.toProblem(invalid('bad', [{ field: '/amount', message: 'must equal the total' }]), req);

    expect(problem.errors).toEqual([{ field: '/amount', message: 'must equal the total' }]);
    expect(problem).not.toHaveProperty('fields');
  });

  it('given a conflict, when mapped, then the current status is said and the path is the instance', () => {
    expect(filter.toProblem(illegalTransition('Changing the address', 'shipped'), req)).toMatchObject({
      currentStatus: 'shipped',
      instance: '/orders/o-1/address',
    });
  });

  it('given a rule error without a rule detail, when mapped, then the code is the rule', () => {
    expect(filter.toProblem(new DomainError('rule', 'cod.limit', 'over the limit'), req)).toMatchObject({ status: 422, rule: 'cod.limit' });
  });

  it('given details that collide with standard members, when mapped, then the standard members win', () => {
    const problem = filter.toProblem(new DomainError('conflict', 'x', 'msg', { status: 'shipped', title: 'nope' }), req);

    expect(problem.status).toBe(409);
    expect(problem.title).toBe('Conflict');
  });

  it('given a stale revision, when mapped, then 409 with both revisions', () => {
    expect(filter.toProblem(new WrongExpectedRevisionError('order-1', 2, 5), req)).toMatchObject({
      status: 409,
      expectedRevision: 2,
      actualRevision: 5,
    });
  });

  it('given a reused idempotency key, when mapped, then 422 without the internal key', () => {
    const problem = filter.toProblem(new IdempotencyKeyReuseError('POST /orders:buyer-1:k'), req);

    expect(problem.status).toBe(422);
    expect(JSON.stringify(problem)).not.toContain('buyer-1');
  });

  it('given Nest HTTP exceptions, when mapped, then their status and message', () => {
    expect(filter.toProblem(new NotFoundException('Cannot GET /x'), req)).toMatchObject({ status: 404, detail: 'Cannot GET /x' });
    expect(filter.toProblem(new BadRequestException(['a', 'b']), req)).toMatchObject({ status: 400, detail: 'a; b' });
  });

  it('given an unknown error, when mapped, then a bare 500 and the error is logged with its stack', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    const problem = filter.toProblem(new Error('secret'), req);

    expect(problem).toMatchObject({ status: 500, code: 'internal_error' });
    expect(JSON.stringify(problem)).not.toContain('secret');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('/orders/o-1/address'), expect.stringContaining('Error: secret'));
    logged.mockRestore();
  });
});
