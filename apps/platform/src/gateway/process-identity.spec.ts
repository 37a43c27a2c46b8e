import { strangerOnPort } from './process-identity';

describe('strangerOnPort', () => {
  const order = { name: 'order', url: 'http://127.0.0.1:4100', pid: 4242 };

  it('given the health of the pid the supervisor started, when checked, then it is the process', () => {
    expect(strangerOnPort(order, { status: 'ok', checks: { process: { details: { pid: 4242, services: ['order', 'timeline'] } } } })).toBeUndefined();
  });

  it('given another process answering on the port, when checked, then it names both', () => {
    const why = strangerOnPort(order, { status: 'ok', checks: { process: { details: { pid: 77, services: ['logistics'] } } } });
    expect(why).toContain('pid 77 (logistics)');
    expect(why).toContain('not as order (pid 4242)');
  });

  it('given an answer that does not say who it is, when checked, then it is a stranger', () => {
    expect(strangerOnPort(order, { status: 'ok', checks: {} })).toContain('does not say who it is');
  });

  it('given a process the gateway did not start (no pid), when checked, then any answer is taken', () => {
    expect(strangerOnPort({ name: 'order', url: order.url }, { status: 'ok' })).toBeUndefined();
  });
});
