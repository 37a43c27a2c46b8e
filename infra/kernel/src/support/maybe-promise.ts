/** A value now, or a promise of it: lets a caller stay synchronous when everything it needs is at hand. */
export type MaybePromise<T> = T | Promise<T>;

/** Runs `next` on the value at once, or once the promise of it resolves. */
export function andThen<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}
