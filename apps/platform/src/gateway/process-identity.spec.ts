import { strangerOnPort } from './process-identity';

describe('strangerOnPort', () => {
  const order = { name: 'order', url: 'http://127.0.0.1:4100', instance: 'start-7f3a' };

  it('given the health of the start its supervisor made, when checked, then it is the process', () => {
    expect(strangerOnPort(order, { status: 'ok', checks: { process: { details: { instance: 'start-7f3a', services: ['order', 'timeline'] } } } })).toBeUndefined();
  });

  it('given another process answering on the port, when checked, then it names what answered and what was expected', () => {
    const why = strangerOnPort(order, { status: 'ok', checks: { process: { details: { instance: 'start-0b21', services: ['logistics'] } } } });
    expect(why).toContain('another process (logistics)');
    expect(why).toContain('not as the order process');
  });

  it('given an answer that does not say who it is, when checked, then it is a stranger', () => {
    expect(strangerOnPort(order, { status: 'ok', checks: {} })).toContain('does not say who it is');
  });

  it('given a process the gateway did not start (no instance), when checked, then any answer is taken', () => {
    expect(strangerOnPort({ name: 'order', url: order.url }, { status: 'ok' })).toBeUndefined();
  });
});
