import { useCallback, useRef } from 'react';

/**
 * One Idempotency-Key per user intent: the same key while the user retries the same action (a timeout, a 5xx), a new
 * one once it succeeded or the user starts over. `key()` gives the current key; `done()` ends the intent.
 */
export function useIntentKey(): { key: () => string; done: () => void } {
  const current = useRef<string | undefined>(undefined);
  const key = useCallback(() => (current.current ??= crypto.randomUUID()), []);
  const done = useCallback(() => void (current.current = undefined), []);
  return { key, done };
}
