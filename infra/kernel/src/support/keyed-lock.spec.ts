import { KeyedLock } from './keyed-lock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** A task that notes in `trace` when it starts and when it ends, a tick later. */
const tracedTask = (trace: string[], name: string) => async () => {
  trace.push(`${name} start`);
  await tick();
  trace.push(`${name} end`);
};

describe('KeyedLock', () => {
  it('given two tasks on the same key, then the second starts only after the first ended', async () => {
    const lock = new KeyedLock();
    const trace: string[] = [];
    await Promise.all([lock.run(['order:1'], tracedTask(trace, 'a')), lock.run(['order:1', 'tracking:x'], tracedTask(trace, 'b'))]);
    expect(trace).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('given tasks on different keys, then they overlap', async () => {
    const lock = new KeyedLock();
    const trace: string[] = [];
    await Promise.all([lock.run(['order:1'], tracedTask(trace, 'a')), lock.run(['order:2'], tracedTask(trace, 'b'))]);
    expect(trace.slice(0, 2)).toEqual(['a start', 'b start']);
  });

  it('given a task fails, then the key is released for the next one', async () => {
    const lock = new KeyedLock();
    await expect(lock.run(['k'], async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.run(['k'], async () => 'next')).resolves.toBe('next');
  });

  it('given a task that throws before returning its promise, then its caller gets the error and the key is released', async () => {
    const lock = new KeyedLock();
    const throwing = (): Promise<string> => {
      throw new Error('at once');
    };
    await expect(lock.runOne('k', throwing)).rejects.toThrow('at once');
    await expect(lock.runOne('k', async () => 'next')).resolves.toBe('next');
  });
});
