import { CommitModeChooser } from './commit-mode';

/** Three threaded commits of 64 events with the loop idle, `msEach` apart, starting at `from`; returns the time after. */
const idleThreadCommits = (chooser: CommitModeChooser, from: number, msEach: number): number => {
  let now = from;
  for (let i = 0; i < 3; i++) {
    now += msEach;
    chooser.committed('thread', 64, now, 0.05);
  }
  return now;
};

/** Inline commits of 64 events `msEach` apart until `until`; returns the time after. */
const inlineCommitsUntil = (chooser: CommitModeChooser, from: number, until: number, msEach: number): number => {
  let now = from;
  while (now + msEach < until) {
    now += msEach;
    chooser.committed('inline', 64, now);
  }
  return until;
};

describe('CommitModeChooser', () => {
  it('given commits on the thread while the event loop is busy serving other work, then the thread is kept', () => {
    const chooser = new CommitModeChooser();

    for (let now = 1; now < 5_000; now += 5) chooser.committed('thread', 64, now, 0.8);

    expect(chooser.modeAt(5_000)).toBe('thread');
  });

  it('given a few thread commits with the loop idle, then commits go inline while they are measured', () => {
    const chooser = new CommitModeChooser();

    const now = idleThreadCommits(chooser, 0, 5);

    expect(chooser.modeAt(now + 1)).toBe('inline');
  });

  it('given inline commits that achieved more events per ms than the thread, then after the thread is probed again, inline runs again', () => {
    const chooser = new CommitModeChooser();
    let now = idleThreadCommits(chooser, 0, 10); // 6.4 events/ms on the thread
    now = inlineCommitsUntil(chooser, now, now + 500, 4); // 16 events/ms inline

    expect(chooser.modeAt(now)).toBe('thread'); // the probe
    now = idleThreadCommits(chooser, now, 10);
    expect(chooser.modeAt(now + 1)).toBe('inline');
    expect(chooser.modeAt(now + 400)).toBe('inline');
  });

  it('given the thread achieved more events per ms than inline, then it runs for a long period and inline only for a short probe', () => {
    const chooser = new CommitModeChooser();
    let now = idleThreadCommits(chooser, 0, 4); // 16 events/ms on the thread
    now = inlineCommitsUntil(chooser, now, now + 500, 10); // 6.4 events/ms inline
    expect(chooser.modeAt(now)).toBe('thread');

    const threadFrom = now;
    while (chooser.modeAt(now) === 'thread' && now < threadFrom + 5_000) chooser.committed('thread', 64, (now += 4), 0.05);

    expect(now - threadFrom).toBeGreaterThanOrEqual(1_000);
    expect(chooser.modeAt(now)).toBe('inline');
    expect(chooser.modeAt(now + 200)).toBe('thread'); // the inline probe was short
  });
});
