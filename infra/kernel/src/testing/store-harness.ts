import type { Clock } from '../ports/clock';

/** One adapter under test, opened on fresh, empty storage. */
export interface StoreHarness<T> {
  readonly store: T;
  /** Closes the current instance and opens the same storage again, as after a process restart. */
  reopen(): Promise<T>;
  /** Closes whatever is open and deletes the storage. */
  dispose(): Promise<void>;
}

/** What a contract suite hands to the adapter's factory. */
export interface StoreDependencies {
  clock: Clock;
}

export type StoreFactory<T> = (deps: StoreDependencies) => Promise<StoreHarness<T>>;

export type Settlement = 'resolved' | 'rejected' | 'pending';

/** How a promise stands after `ms` milliseconds, without waiting for the test timeout. */
export const settlementWithin = async (promise: Promise<unknown>, ms: number): Promise<Settlement> => {
  let timer: NodeJS.Timeout | undefined;
  const outcome = promise.then(
    (): Settlement => 'resolved',
    (): Settlement => 'rejected',
  );
  const timeout = new Promise<Settlement>((resolve) => {
    timer = setTimeout(() => resolve('pending'), ms);
  });
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
};
