import { isProblem, problemInWords, problemOfAnswer } from './problem';

describe('problemInWords', () => {
  it('given a 400 with bad fields, when put in words, then each field gets its own line', () => {
    const words = problemInWords({
      type: 'https://aftersales.dev/problems/validation_failed',
      title: 'Invalid request',
      status: 400,
      detail: 'The request body is not valid',
      errors: [
        { field: '/items/0/quantity', message: 'must be >= 1' },
        { field: '/', message: 'malformed JSON' },
      ],
    });
    expect(words).toEqual({
      headline: '400 Invalid request',
      detail: 'The request body is not valid',
      rule: undefined,
      fields: ['items/0/quantity: must be >= 1', '(body): malformed JSON'],
      currentStatus: undefined,
    });
  });

  it('given a 403 naming a rule, when put in words, then the rule is kept', () => {
    const words = problemInWords({ title: 'Forbidden', status: 403, detail: 'refund.approve_by_shop_staff: the role buyer may not do this', rule: 'refund.approve_by_shop_staff' });
    expect(words.rule).toBe('refund.approve_by_shop_staff');
    expect(words.headline).toBe('403 Forbidden');
  });

  it('given a 409 saying the current status, when put in words, then the status is kept', () => {
    expect(problemInWords({ title: 'Conflict', status: 409, detail: 'already approved', currentStatus: 'approved' }).currentStatus).toBe('approved');
  });

  it('given no answer at all, when put in words, then the headline has no status number', () => {
    expect(problemInWords(problemOfAnswer(0, '')).headline).toBe('No answer');
  });
});

describe('isProblem', () => {
  it('given bodies, when checked, then only those with a title and a numeric status are problems', () => {
    expect(isProblem({ title: 'Conflict', status: 409 })).toBe(true);
    expect(isProblem({ title: 'Conflict' })).toBe(false);
    expect(isProblem('<html>')).toBe(false);
    expect(isProblem(null)).toBe(false);
  });
});
