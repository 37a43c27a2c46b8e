import { PaymentTimeoutError } from './payment-provider';

/** Runs `call`, giving up with a PaymentTimeoutError after `ms` (the call itself cannot be cancelled; its late answer is ignored). */
export async function callWithTimeout<T>(call: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PaymentTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([call(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
