import { waitUntil } from './wait-until';

describe('waitUntil', () => {
  it('given the value becomes ready on the third probe, then it returns it after two pauses', async () => {
    const values = [1, 2, 3, 4];
    const pauses: number[] = [];
    const result = await waitUntil(
      async () => values.shift()!,
      (v) => v >= 3,
      { timeoutMs: 1_000, intervalMs: 7, sleep: async (ms) => void pauses.push(ms) },
    );
    expect(result).toBe(3);
    expect(pauses).toEqual([7, 7]);
  });

  it('given the value never becomes ready, then it returns the last value once the time is up', async () => {
    let probes = 0;
    const result = await waitUntil(
      async () => ++probes,
      () => false,
      { timeoutMs: 20, intervalMs: 5 },
    );
    expect(result).toBe(probes);
    expect(probes).toBeGreaterThan(1);
  });
});
