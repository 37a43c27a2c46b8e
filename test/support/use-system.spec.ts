import { SystemSlot } from './use-system';

describe('SystemSlot (useSystem’s hooks)', () => {
  const slotWithLog = () => {
    const disposed: string[] = [];
    const slot = new SystemSlot<{ name: string }>(async (running) => void disposed.push(running.name));
    return { slot, disposed };
  };

  it('given a start that finished, when stopped, then that system is disposed of and none is current', async () => {
    const { slot, disposed } = slotWithLog();

    await slot.start(async () => ({ name: 'first' }));
    await slot.stop();

    expect(disposed).toEqual(['first']);
    expect(slot.current).toBeUndefined();
  });

  it('given a start still under way when the stop hook runs (its hook timed out), when it finishes, then it is disposed of at once and never current', async () => {
    const { slot, disposed } = slotWithLog();
    let finish!: (system: { name: string }) => void;
    const late = slot.start(() => new Promise((resolve) => (finish = resolve)));

    await slot.stop();
    finish({ name: 'late' });
    await late;

    expect(disposed).toEqual(['late']);
    expect(slot.current).toBeUndefined();
  });

  it('given a late start disposed of, when the next test starts its own, then that one is current', async () => {
    const { slot, disposed } = slotWithLog();
    let finish!: (system: { name: string }) => void;
    const late = slot.start(() => new Promise((resolve) => (finish = resolve)));
    await slot.stop();

    await slot.start(async () => ({ name: 'next' }));
    finish({ name: 'late' });
    await late;

    expect(slot.current).toEqual({ name: 'next' });
    expect(disposed).toEqual(['late']);
  });
});
