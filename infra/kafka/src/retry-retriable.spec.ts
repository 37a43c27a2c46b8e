import { retryRetriable } from './retry-retriable';

const failing = (errors: unknown[]) => {
  let calls = 0;
  return {
    calls: () => calls,
    request: async (): Promise<string> => {
      calls += 1;
      const error = errors.shift();
      if (error) throw error;
      return 'ok';
    },
  };
};

describe('retryRetriable', () => {
  it('given errors kafkajs marks retriable, then the request runs again until it succeeds', async () => {
    const notLeader = Object.assign(new Error('This server is not the leader for that topic-partition'), { retriable: true });
    const request = failing([notLeader, notLeader]);

    await expect(retryRetriable(request.request, 5, 1)).resolves.toBe('ok');
    expect(request.calls()).toBe(3);
  });

  it('given an error that is not retriable, then it is thrown at once', async () => {
    const request = failing([Object.assign(new Error('bad request'), { retriable: false })]);

    await expect(retryRetriable(request.request, 5, 1)).rejects.toThrow('bad request');
    expect(request.calls()).toBe(1);
  });

  it('given retriable errors beyond the attempts, then the last one is thrown', async () => {
    const busy = () => Object.assign(new Error('busy'), { retriable: true });
    const request = failing([busy(), busy(), busy()]);

    await expect(retryRetriable(request.request, 2, 1)).rejects.toThrow('busy');
    expect(request.calls()).toBe(2);
  });
});
