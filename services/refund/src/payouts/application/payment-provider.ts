/**
 * The payment provider port: pays a buyer. Like real providers it is idempotent on `idempotencyKey`: a second call
 * with the same key returns the first payment instead of paying again. A call may throw or never answer.
 */
export interface PaymentInstruction {
  idempotencyKey: string;
  /** Minor units. */
  amount: number;
  currency: string;
  /** The payee (the buyer's id; the provider knows the account behind it). */
  to: string;
  /** What the payment is for, shown on statements (e.g. the refund or compensation id). */
  reference: string;
}

export interface PaymentConfirmation {
  providerRef: string;
}

export interface PaymentProvider {
  pay(instruction: PaymentInstruction): Promise<PaymentConfirmation>;
}

/**
 * A provider answer that is not a payment. `retryable` false means retrying cannot help (account closed);
 * `outcome` unknown means the provider may have paid (so only a retry with the same key can tell).
 */
export class PaymentProviderError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly outcome: 'not_paid' | 'unknown',
  ) {
    super(message);
    this.name = 'PaymentProviderError';
  }
}

export class PaymentTimeoutError extends PaymentProviderError {
  constructor(ms: number) {
    super('timeout', `The payment provider did not answer within ${ms} ms`, true, 'unknown');
    this.name = 'PaymentTimeoutError';
  }
}
